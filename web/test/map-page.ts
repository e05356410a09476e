import type { Page } from 'playwright-core';

// Steps the browser tests take on the map page, through the hooks the app exposes
// (window.__gridmap.map, html[data-map-ready]).

/** Waits until the areas are in the map and it has drawn once. */
export async function waitForMapReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-map-ready="true"]', { timeout: 60_000 });
}

/** Moves the map and waits until it has stopped and drawn every tile of the new view. */
export async function jumpTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([lon, lat, zoom]) => (window as any).__gridmap.map.jumpTo({ center: [lon, lat], zoom }), [lon, lat, zoom]);
  await page.waitForFunction(() => {
    const map = (window as any).__gridmap.map;
    return map.loaded() && map.areTilesLoaded() && !map.isMoving();
  }, undefined, { timeout: 30_000 });
}

/** Ids of the features of a layer drawn in the current view. */
export async function renderedIds(page: Page, layer: string): Promise<number[]> {
  return page.evaluate((layer) => {
    const map = (window as any).__gridmap.map;
    return map.queryRenderedFeatures({ layers: [layer] }).map((f: any) => Number(f.id ?? f.properties.id));
  }, layer);
}

/** Clicks the map at a longitude and latitude. */
export async function clickAt(page: Page, lon: number, lat: number): Promise<void> {
  const point = await page.evaluate(([lon, lat]) => {
    const map = (window as any).__gridmap.map;
    const p = map.project([lon, lat]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, [lon, lat]);
  await page.mouse.click(point.x, point.y);
}
