import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Median of a list of numbers (the machines are noisy: we report medians). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-quantile (0..1) of a list, nearest-rank. */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  /** Milliseconds from spawn to the first successful /api/health. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Spawns `server/src/main.ts` like `pnpm start` does and waits until /api/health answers. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'server/src/main.ts')], {
    cwd: join(REPO, 'server'),
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - t0;
  return {
    url,
    readyMs,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Prints a table of rows (figure, value, unit, note). */
export function printTable(title: string, rows: [string, string | number, string, string?][]): void {
  console.log(`\n## ${title}`);
  console.log('| figure | value | unit | note |\n|---|---:|---|---|');
  for (const [figure, value, unit, note] of rows) {
    const v = typeof value === 'number' ? (Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2)) : value;
    console.log(`| ${figure} | ${v} | ${unit} | ${note ?? ''} |`);
  }
}
