/** A page of a paged GeoJSON list, as the API's feature collections carry it. */
export interface FeaturePage<F> {
  features: F[];
  numberReturned: number;
  /** Opaque cursor for the next page, null on the last page. */
  nextCursor: string | null;
  links: unknown[];
}

/**
 * Pages fetched at most before giving up: at 10,000 features a page that is a million points,
 * far past a province's mediation points, so reaching it means the server is looping.
 */
export const MAX_PAGES = 100;

/**
 * Every feature of a paged list, one page after another until `nextCursor` is null, as one
 * collection (the first page's shape, all features, no next page). `fetchPage` fetches the page
 * at a cursor, null for the first. Throws on a cursor the server already gave (a loop) or after
 * `maxPages` pages.
 * @example collectPages((cursor) => fetchJson(`/api/mediation-points${cursor ? `?cursor=${cursor}` : ''}`, schema))
 */
export async function collectPages<F, P extends FeaturePage<F>>(
  fetchPage: (cursor: string | null) => Promise<P>,
  maxPages: number = MAX_PAGES,
): Promise<P> {
  const first = await fetchPage(null);
  const features = [...first.features];
  const seen = new Set<string>();
  let cursor = first.nextCursor;
  for (let pages = 1; cursor !== null; pages++) {
    if (seen.has(cursor)) throw new Error(`Paging loops: cursor '${cursor}' came back after ${pages} pages`);
    if (pages >= maxPages) throw new Error(`Paging stopped after ${maxPages} pages (${features.length} features)`);
    seen.add(cursor);
    const page = await fetchPage(cursor);
    features.push(...page.features);
    cursor = page.nextCursor;
  }
  return { ...first, features, numberReturned: features.length, nextCursor: null, links: [] };
}
