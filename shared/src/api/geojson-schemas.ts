import { z } from 'zod';

const position = z.tuple([z.number(), z.number()]);
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) });
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(position))),
});

/** OGC API Features style link; `rel: 'next'` points at the next page. */
export const linkSchema = z.object({ rel: z.string(), href: z.string(), type: z.string().optional() });

/** A GeoJSON FeatureCollection page: `links` carries `next` when more features follow. */
export function featureCollectionSchema<G extends z.ZodTypeAny, P extends z.ZodTypeAny>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({ type: z.literal('Feature'), id: z.number(), geometry, properties }),
    ),
    numberReturned: z.number().int(),
    /** Opaque cursor for the next page, null on the last page. */
    nextCursor: z.string().nullable(),
    links: z.array(linkSchema),
  });
}

/** One GeoJSON Feature with a numeric id, as `GET /api/<layer>/:id` answers. */
export function featureSchema<G extends z.ZodTypeAny, P extends z.ZodTypeAny>(geometry: G, properties: P) {
  return z.object({ type: z.literal('Feature'), id: z.number(), geometry, properties });
}
