import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';

/** Vite fingerprints files under /assets/, so they may be cached for a year. */
const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>GridMap</title>
<h1>GridMap: the web app is not built</h1>
<p>The API is running at <a href="/api/health">/api/health</a>. Run <code>pnpm build</code> (or <code>pnpm start</code>) to build the map.</p>`;

/**
 * The built web app for every non-API GET: a file from `webDist` when one matches, 404 for a
 * missing file under /assets/, otherwise index.html (the single-page app routes on the client). 503 with a hint when it is not built.
 */
export function webAppRoutes(webDist: string | null) {
  const root = webDist === null ? null : resolve(webDist);
  return new Hono<AppEnv>().get('*', async (c) => {
    if (root === null) return c.html(NOT_BUILT_PAGE, 503);
    const requested = safeJoin(root, decodeURIComponentSafe(c.req.path));
    const isAsset = requested !== null && requested.startsWith(join(root, 'assets') + sep);
    if (requested && (await isFile(requested))) {
      const cacheControl = isAsset ? ASSET_CACHE_CONTROL : 'no-cache';
      return c.body(new Uint8Array(await readFile(requested)), 200, {
        'Content-Type': CONTENT_TYPES[extname(requested).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': cacheControl,
      });
    }
    // A fingerprinted file that is gone (a page loaded before a rebuild asks for its old
    // bundle) is a 404: answering index.html would feed HTML to a <script> as JavaScript.
    if (isAsset) return c.text('Not found', 404);
    const index = join(root, 'index.html');
    if (!(await isFile(index))) return c.html(NOT_BUILT_PAGE, 503);
    return c.body(await readFile(index, 'utf8'), 200, {
      'Content-Type': CONTENT_TYPES['.html'],
      'Cache-Control': 'no-cache',
    });
  });
}

/** The file under root for a URL path, or null when the path would leave root. */
function safeJoin(root: string, urlPath: string | null): string | null {
  if (urlPath === null || urlPath.includes('\0')) return null;
  const full = normalize(join(root, urlPath));
  return full === root || full.startsWith(root + sep) ? full : null;
}

function decodeURIComponentSafe(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
