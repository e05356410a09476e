/** One page of rows ordered by id; `lastId` is set when more rows follow. */
export interface Page<T> {
  items: T[];
  /** The id of the last item when another page follows, else null. */
  nextAfterId: number | null;
}

export interface PageRequest {
  limit: number;
  /** Return only ids greater than this (the decoded cursor). */
  afterId?: number;
}

/** Cuts `limit + 1` fetched rows to a page: the extra row only says that another page exists. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  if (rows.length <= limit) return { items: rows, nextAfterId: null };
  const items = rows.slice(0, limit);
  return { items, nextAfterId: items[items.length - 1].id };
}
