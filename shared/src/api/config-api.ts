import { z } from 'zod';

/** `GET /api/config`: what a deployment configures for the client. */
export const clientConfigSchema = z.object({
  /** A MapLibre style URL to draw under GridMap's layers (env BASEMAP_STYLE_URL); null: a plain background. */
  basemapStyleUrl: z.string().nullable(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
