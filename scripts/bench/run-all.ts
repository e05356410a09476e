import { main as areaStats } from './area-stats.ts';
import { main as foundation } from './foundation.ts';
import { main as importBench } from './import.ts';

// `pnpm bench`: every benchmark in turn, each printing its own table of medians.
const BENCHES: [string, () => Promise<void>][] = [
  ['foundation', foundation],
  ['import', importBench],
  ['area-stats', areaStats], // issue 7
];

for (const [name, run] of BENCHES) {
  console.log(`\n# bench: ${name}`);
  await run();
}
