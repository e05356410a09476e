export { createApp, type AppDeps, type AppConfig } from './app.ts';
export { openDatabase, type Db } from './db/open-db.ts';
export { seedCounty, hasAreas } from './db/seed-sql.ts';
export { createTileService, type TileService } from './tiles/tile-service.ts';
