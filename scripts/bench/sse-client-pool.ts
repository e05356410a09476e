import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientCommand, ClientReport } from './sse-client-process.ts';

/** SSE connections per client process: 1,000 clients are read by 4 processes. */
const CLIENTS_PER_PROCESS = 250;
const CLIENT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'sse-client-process.ts');

/** Receipts of all processes: the event id and the monotonic time (ms) of each delivery. */
export interface Receipts {
  ids: Float64Array;
  times: Float64Array;
  /** Connections the server closed so far (a slow client dropped, a server gone). */
  closed: number;
}

/** `count` SSE connections to `url`, held by child processes; every one has had its opening frame. */
export interface SseClientPool {
  /** The id of the opening (`hello`) frame: the newest event when the clients connected. */
  helloId: number;
  /** What arrived since the last collect. */
  collect(): Promise<Receipts>;
  close(): Promise<void>;
}

/** `headers` go with every connection (the session's Cookie: /api/live needs one). */
export async function openSseClients(url: string, count: number, headers: Record<string, string> = {}): Promise<SseClientPool> {
  const processes: ChildProcess[] = [];
  const next = (child: ChildProcess) =>
    new Promise<ClientReport>((ok, fail) => {
      const onExit = (code: number | null) => fail(new Error(`SSE client process exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (report: ClientReport) => {
        child.off('exit', onExit);
        if (report.type === 'error') fail(new Error(report.message));
        else ok(report);
      });
    });
  const send = (child: ChildProcess, command: ClientCommand) => child.send(command);

  const readies: Promise<ClientReport>[] = [];
  for (let left = count; left > 0; left -= CLIENTS_PER_PROCESS) {
    const child = fork(CLIENT_SCRIPT, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    processes.push(child);
    const ready = next(child);
    send(child, { type: 'connect', url, count: Math.min(CLIENTS_PER_PROCESS, left), headers });
    readies.push(ready);
  }
  const reports = (await Promise.all(readies)) as Extract<ClientReport, { type: 'ready' }>[];
  const helloIds = new Set(reports.flatMap((r) => r.helloIds));
  const connected = reports.reduce((n, r) => n + r.connected, 0);
  if (connected !== count || helloIds.size !== 1) {
    throw new Error(`expected ${count} clients greeted with one id, got ${connected} with ids ${[...helloIds].join(', ')}`);
  }
  return {
    helloId: [...helloIds][0],
    async collect() {
      const parts = (await Promise.all(processes.map((child) => {
        const report = next(child);
        send(child, { type: 'collect' });
        return report;
      }))) as Extract<ClientReport, { type: 'receipts' }>[];
      const length = parts.reduce((n, p) => n + p.ids.length, 0);
      const ids = new Float64Array(length);
      const times = new Float64Array(length);
      let at = 0;
      for (const p of parts) {
        ids.set(p.ids, at);
        times.set(p.times, at);
        at += p.ids.length;
      }
      return { ids, times, closed: parts.reduce((n, p) => n + p.closed, 0) };
    },
    async close() {
      await Promise.all(processes.map((child) => new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        send(child, { type: 'close' });
      })));
    },
  };
}
