import { openDatabase } from './src/db/open-db.ts';
import { createApp } from './src/app.ts';
let t = performance.now();
const db = openDatabase(process.argv[2]);
console.log('open', (performance.now() - t).toFixed(0)); t = performance.now();
const app = createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date() } });
console.log('createApp', (performance.now() - t).toFixed(0)); t = performance.now();
for (const path of ['/api/health', '/api/config', '/api/areas?level=county', '/api/areas?level=town']) {
  const res = await app.request(path); await res.arrayBuffer();
  console.log(path, res.status, (performance.now() - t).toFixed(0)); t = performance.now();
}
