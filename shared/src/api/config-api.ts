import { z } from 'zod';

/** `GET /api/config`: what a deployment configures for the client. */
export const clientConfigSchema = z.object({
  /** A MapLibre style URL to draw under GridMap's layers (env BASEMAP_STYLE_URL); null: a plain background. */
  basemapStyleUrl: z.string().nullable(),
  /** Draw the areas from vector tiles instead of whole GeoJSON (a large database such as a province; env AREA_TILES). */
  areaTiles: z.boolean(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
