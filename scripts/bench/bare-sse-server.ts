import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The peer of the live benchmark: the least a Node server can do to fan events out over SSE.
// node:http, no framework, no database. `GET /events` opens a stream with the same opening as
// GridMap's (`retry`, then a `hello` carrying the newest id); `POST /publish` takes the JSON
// `data` of one event, parses it, encodes one frame, writes the same bytes to every client and
// answers with the event's id. Run: `node --import tsx scripts/bench/bare-sse-server.ts`; it
// prints `listening <port>`.

const clients = new Set<ServerResponse>();
let lastId = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.write(`retry: 2000\n\nid: ${lastId}\nevent: hello\ndata: ${JSON.stringify({ lastEventId: lastId })}\n\n`);
    clients.add(res);
    res.on('close', () => clients.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/publish') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let data: unknown;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = ++lastId;
      const frame = Buffer.from(`id: ${id}\nevent: incident\ndata: ${JSON.stringify(data)}\n\n`);
      for (const client of clients) client.write(frame);
      const body = JSON.stringify({ id });
      res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
    });
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => {
  for (const client of clients) client.destroy();
  server.close(() => process.exit(0));
});
