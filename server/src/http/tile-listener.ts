import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { TileAnswer, TileRequestHead } from '../routes/tiles.ts';

/**
 * Node's request listener with tile GETs answered before Hono sees them: the fast path's answer
 * (fastTileAnswerer: session, scope, ETag/304, Cache-Control) written straight to the socket, as
 * a bare node:http server would, without a Request, a context and a Response per tile. Everything
 * else, a tile request the fast path declines (no session, a path with a query, …) and one that
 * fails while being made goes to `listener` (Hono), which answers it as before, errors included.
 */
export function withTileListener(answer: (head: TileRequestHead) => TileAnswer | null, listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url?.startsWith('/api/tiles/')) {
      let tile: TileAnswer | null = null;
      try {
        tile = answer({
          method: 'GET', path: req.url, cookie: req.headers.cookie,
          ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'],
        });
      } catch {
        tile = null; // Hono makes it again and answers the error with its body and log line
      }
      if (tile) {
        if (tile.body) tile.headers['Content-Length'] = String(tile.body.length);
        res.writeHead(tile.status, tile.headers);
        res.end(tile.body ?? undefined);
        return;
      }
    }
    listener(req, res);
  };
}
