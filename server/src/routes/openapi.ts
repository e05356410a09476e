import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { openApiDocument } from './openapi-document.ts';

export function openApiRoutes() {
  const document = JSON.stringify(openApiDocument());
  return new Hono<AppEnv>().get('/', (c) => c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
}
