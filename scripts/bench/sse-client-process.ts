import { get, type ClientRequest } from 'node:http';
import { SseIdScanner } from './sse-id-scanner.ts';

// A child process of `scripts/bench/live.ts` holding many SSE connections, so that the server
// is measured and not the client's parsing: it reads only the `id:` lines and records when each
// arrived on the monotonic clock (process.hrtime, CLOCK_MONOTONIC: one clock for every process
// of the machine, so the parent compares it with its send times).

/** Connections opened at once; more would overflow the server's accept backlog (511) and wait for SYN retries. */
const CONNECT_BATCH = 100;

export type ClientCommand =
  | { type: 'connect'; url: string; count: number; headers?: Record<string, string> }
  | { type: 'collect' }
  | { type: 'close' };

export type ClientReport =
  | { type: 'ready'; connected: number; helloIds: number[] }
  | { type: 'receipts'; ids: Float64Array; times: Float64Array; closed: number }
  | { type: 'error'; message: string };

/** The monotonic clock in ms, comparable across processes of one machine. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

class Receipts {
  ids = new Float64Array(1 << 16);
  times = new Float64Array(1 << 16);
  length = 0;
  add(id: number, time: number): void {
    if (this.length === this.ids.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.times = grow(this.times);
    }
    this.ids[this.length] = id;
    this.times[this.length++] = time;
  }
}

function main(): void {
  const requests: ClientRequest[] = [];
  let receipts = new Receipts();
  let closed = 0;
  const send = (report: ClientReport) => process.send!(report);

  const connect = async (url: string, count: number, headers: Record<string, string> = {}) => {
    const helloIds: number[] = [];
    const open = () =>
      new Promise<void>((ok, fail) => {
        const scanner = new SseIdScanner();
        let first = true;
        const req = get(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
          if (res.statusCode !== 200) return fail(new Error(`GET ${url}: ${res.statusCode}`));
          res.on('data', (chunk: Buffer) => {
            const now = monotonicMs();
            for (const id of scanner.push(chunk)) {
              if (first) {
                // The opening frame (hello) names the newest event id.
                first = false;
                helloIds.push(id);
                ok();
              } else receipts.add(id, now);
            }
          });
          res.on('close', () => closed++);
        });
        req.on('error', fail);
        requests.push(req);
      });
    for (let i = 0; i < count; i += CONNECT_BATCH) {
      await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, open));
    }
    send({ type: 'ready', connected: helloIds.length, helloIds });
  };

  process.on('message', (command: ClientCommand) => {
    if (command.type === 'connect') {
      connect(command.url, command.count, command.headers).catch((e: Error) => send({ type: 'error', message: e.message }));
    } else if (command.type === 'collect') {
      const { ids, times, length } = receipts;
      receipts = new Receipts();
      send({ type: 'receipts', ids: ids.slice(0, length), times: times.slice(0, length), closed });
    } else {
      for (const req of requests) req.destroy();
      process.disconnect();
    }
  });
}

if (process.send !== undefined) main();
