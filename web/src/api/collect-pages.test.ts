import { describe, expect, it } from 'vitest';
import { collectPages, type FeaturePage } from './collect-pages.ts';

interface Point {
  id: number;
}

/** A fake server boundary: answers a cursor with the next `size` points, as the API pages by id. */
function pagedServer(total: number, size: number) {
  const points: Point[] = Array.from({ length: total }, (_, i) => ({ id: i + 1 }));
  const asked: (string | null)[] = [];
  const fetchPage = async (cursor: string | null): Promise<FeaturePage<Point>> => {
    asked.push(cursor);
    const after = cursor === null ? 0 : Number(cursor);
    const features = points.filter((p) => p.id > after).slice(0, size);
    const last = features.at(-1);
    const more = last !== undefined && last.id < total;
    return { features, numberReturned: features.length, nextCursor: more ? String(last.id) : null, links: [] };
  };
  return { fetchPage, asked };
}

describe('collectPages', () => {
  it('returns a single page as it is when there is no next page', async () => {
    const server = pagedServer(200, 10_000);
    const all = await collectPages(server.fetchPage);
    expect(all.features).toHaveLength(200);
    expect(server.asked).toEqual([null]);
  });

  it('follows nextCursor to the last page and keeps every feature once, in order', async () => {
    const server = pagedServer(2_501, 1_000);
    const all = await collectPages(server.fetchPage);
    expect(all.features.map((p) => p.id)).toEqual(Array.from({ length: 2_501 }, (_, i) => i + 1));
    expect(all).toMatchObject({ numberReturned: 2_501, nextCursor: null });
    expect(server.asked).toEqual([null, '1000', '2000']);
  });

  it('ends on an empty first page', async () => {
    const all = await collectPages(pagedServer(0, 100).fetchPage);
    expect(all.features).toEqual([]);
  });

  it('throws instead of looping on a cursor that comes back', async () => {
    const stuck = async (): Promise<FeaturePage<Point>> => ({ features: [{ id: 1 }], numberReturned: 1, nextCursor: 'x', links: [] });
    await expect(collectPages(stuck)).rejects.toThrow(/cursor 'x'/);
  });

  it('gives up after the page limit', async () => {
    await expect(collectPages(pagedServer(50, 1).fetchPage, 10)).rejects.toThrow(/after 10 pages/);
  });

  it('passes on a failed page', async () => {
    const server = pagedServer(30, 10);
    const failing = (cursor: string | null) => (cursor === '20' ? Promise.reject(new Error('HTTP 500')) : server.fetchPage(cursor));
    await expect(collectPages(failing)).rejects.toThrow('HTTP 500');
  });
});
