import { main as coverage } from './coverage.ts';
import { main as foundation } from './foundation.ts';
import { main as nearest } from './nearest.ts';

// `pnpm bench`: every benchmark in turn, each printing its own table of medians.
const BENCHES: [string, () => Promise<void>][] = [
  ['foundation', foundation],
  ['nearest', nearest],
  ['coverage', coverage],
];

for (const [name, run] of BENCHES) {
  console.log(`\n# bench: ${name}`);
  await run();
}
