import type { TestApp } from './test-app.ts';

/** Follows `next` links from `path` to the end; returns every page body. */
export async function walkPages(app: TestApp['app'], path: string): Promise<any[]> {
  const pages: any[] = [];
  for (let href: string | undefined = path; href; ) {
    const res = await app.request(href);
    if (res.status !== 200) throw new Error(`${href} answered ${res.status}: ${await res.text()}`);
    const page: any = await res.json();
    pages.push(page);
    href = page.links.find((l: { rel: string }) => l.rel === 'next')?.href;
    if (pages.length > 10_000) throw new Error('paging does not end');
  }
  return pages;
}
