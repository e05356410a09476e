import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// The peer of the warm tile benchmark: the least a Node server can do to send stored tiles.
// node:http, no framework, no database: the tiles GridMap answered (path, ETag, gzip bytes) are
// read from the file named by argv[2] (see writeTileDump in tiles.ts) into a Map, and each request
// gets the same bytes and headers GridMap sends (204 for an empty tile). It prints `listening <port>`.

interface Stored {
  etag: string;
  body: Buffer | null;
}

const dump = readFileSync(process.argv[2]);
const tiles = new Map<string, Stored>();
for (let at = 0; at < dump.length;) {
  const headerLength = dump.readUInt32LE(at);
  const { path, etag, bytes } = JSON.parse(dump.subarray(at + 4, at + 4 + headerLength).toString('utf8')) as { path: string; etag: string; bytes: number };
  at += 4 + headerLength;
  tiles.set(path, { etag, body: bytes < 0 ? null : dump.subarray(at, at + bytes) });
  at += Math.max(0, bytes);
}

const server = createServer((req, res) => {
  const tile = tiles.get(req.url ?? '');
  if (!tile) {
    res.writeHead(404).end();
    return;
  }
  const headers: Record<string, string | number> = { 'Cache-Control': 'public, max-age=60', ETag: tile.etag, Vary: 'Accept-Encoding' };
  if (!tile.body) {
    res.writeHead(204, headers).end();
    return;
  }
  headers['Content-Type'] = 'application/vnd.mapbox-vector-tile';
  headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = tile.body.length;
  res.writeHead(200, headers).end(tile.body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
