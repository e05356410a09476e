import type { Context } from 'hono';

/**
 * Whether If-None-Match holds `*` or the ETag. The comparison is weak (a `W/` on either side
 * is ignored), which is what RFC 9110 asks of If-None-Match; the compress middleware also
 * weakens strong tags of the bodies it encodes.
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Puts the ETag and Cache-Control on the response under way, and answers 304 Not Modified
 * when the client's copy is current; null means build the body (it gets both headers).
 */
export function notModified(c: Context, etag: string, cacheControl: string): Response | null {
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  return etagMatches(c.req.header('If-None-Match'), etag) ? c.body(null, 304) : null;
}
