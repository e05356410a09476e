import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server's port in development; `pnpm dev` here proxies /api to it so the app and the
// API share one origin, as they do in production where the server serves web/dist.
const API_ORIGIN = process.env.GRIDMAP_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is ~1 MB minified; a warning per build about it says nothing new.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: { '/api': { target: API_ORIGIN, changeOrigin: false } },
  },
});
