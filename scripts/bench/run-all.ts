import { main as foundation } from './foundation.ts';
import { main as importBench } from './import.ts';
import { main as live } from './live.ts';
import { main as planner } from './planner.ts';

// `pnpm bench`: every benchmark in turn, each printing its own table of medians.
const BENCHES: [string, () => Promise<void>][] = [
  ['foundation', foundation],
  ['import', importBench],
  ['live', live],
  ['planner', planner], // issue 6
];

for (const [name, run] of BENCHES) {
  console.log(`\n# bench: ${name}`);
  await run();
}
