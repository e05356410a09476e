import { request, type Agent } from 'node:http';
export { freePort, REPO, spawnServer, type ServerProcess } from '../lib/spawn-server.ts';

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

/** Prints a table of rows (figure, value, unit, note). */
export function printTable(title: string, rows: [string, string | number, string, string?][]): void {
  console.log(`\n## ${title}`);
  console.log('| figure | value | unit | note |\n|---|---:|---|---|');
  for (const [figure, value, unit, note] of rows) {
    const v = typeof value === 'number' ? (Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2)) : value;
    console.log(`| ${figure} | ${v} | ${unit} | ${note ?? ''} |`);
  }
}

/**
 * Runs `main` when the file at `moduleUrl` is the one node was started with (`npx tsx bench/x.ts`),
 * not when run-all imports it; a failure prints and exits 1.
 */
export function runWhenMain(moduleUrl: string, main: () => Promise<void>): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/**
 * POSTs `body` (JSON text) and resolves with the status and the answer. A kept-alive socket the
 * server closed as idle while it was being reused fails before the request reached the server;
 * that request is sent again on a new socket (Node's documented `reusedSocket` check).
 */
export function postJson(url: string, body: string, headers: Record<string, string>, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (req.reusedSocket && e.code === 'ECONNRESET') postJson(url, body, headers, agent).then(ok, fail);
      else fail(e);
    });
    req.end(body);
  });
}
