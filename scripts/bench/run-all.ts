import { main as coverage } from './coverage.ts';
import { main as foundation } from './foundation.ts';
import { main as nearest } from './nearest.ts';
import { main as areaStats } from './area-stats.ts';
import { main as importBench } from './import.ts';
import { main as live } from './live.ts';
import { main as heatPlayback } from './heat-playback.ts';
import { main as hotspots } from './hotspots.ts';
import { main as planner } from './planner.ts';
import { main as load } from './load.ts';

// `pnpm bench`: every benchmark in turn, each printing its own table of medians.
const BENCHES: [string, () => Promise<void>][] = [
  ['foundation', foundation],
  ['nearest', nearest],
  ['coverage', coverage],
  ['import', importBench],
  ['live', live],
  ['hotspots', hotspots],
  ['heat-playback', heatPlayback],
  ['area-stats', areaStats], // issue 7
  ['planner', planner], // issue 6
  ['load', load], // issue 9
];

for (const [name, run] of BENCHES) {
  console.log(`\n# bench: ${name}`);
  await run();
}
