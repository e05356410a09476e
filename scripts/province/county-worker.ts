import { parentPort } from 'node:worker_threads';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import type { CountyJob } from '@gridmap/shared/demo/province-plan';

/**
 * A worker thread of generate-province: generates the counties it is sent, one at a time, and
 * posts each back whole (structured clone) to the one writer.
 */
parentPort!.on('message', ({ job, now }: { job: CountyJob; now: string }) => {
  const t = performance.now();
  const data = generateCounty({ ...job, now });
  parentPort!.postMessage({ index: job.index, data, ms: performance.now() - t });
});
