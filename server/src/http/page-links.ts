import { encodeCursor } from './query-params.ts';

export interface PageLink {
  rel: string;
  href: string;
  type?: string;
}

/**
 * OGC API Features style links for one page: `self` is the request as made, `next` the same
 * request with the cursor after `lastId`, or with `next` when it is an encoded cursor already
 * (absolute paths, so they work behind any host name).
 */
export function pageLinks(requestUrl: string, nextLastId: number | string | null): PageLink[] {
  const url = new URL(requestUrl);
  const type = 'application/geo+json';
  const links: PageLink[] = [{ rel: 'self', href: url.pathname + url.search, type }];
  if (nextLastId !== null) {
    url.searchParams.set('cursor', typeof nextLastId === 'string' ? nextLastId : encodeCursor(nextLastId));
    links.push({ rel: 'next', href: url.pathname + url.search, type });
  }
  return links;
}
