import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** How long a start may take before we give up, in ms (a full first start seeds in ~10 s). */
const READY_TIMEOUT_MS = 180_000;
/** How often /api/health is polled while the server starts, in ms. */
const POLL_MS = 50;

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  /** The server's process id (benchmarks read its CPU time from /proc). */
  pid: number;
  /** Milliseconds from spawn to the first successful /api/health. */
  readyMs: number;
  /** What the server printed so far. */
  output(): string;
  stop(): Promise<void>;
  /** Sends `signal` and resolves with the exit code (null when killed by the signal) once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Spawns the real server (`server/src/main.ts`, as `pnpm start` runs it) on a free port with
 * extra environment (DATABASE, DEMO_SIZE …) and waits until /api/health answers.
 * BENCH_SERVER_NODE_ARGS adds Node flags to the server alone, e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof` to see where a benchmark's server time goes (Node refuses those
 * in NODE_OPTIONS, which every process of a bench would inherit anyway).
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const started = performance.now();
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(REPO, 'server/src/main.ts')], {
    cwd: join(REPO, 'server'),
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (performance.now() - started > READY_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    readyMs,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill(signal);
      return exited;
    },
  };
}
