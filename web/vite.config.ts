// Builds the dashboard into web/dist, which `dyad serve` serves; `npm run dev` proxies the API
// to a `dyad serve` on port 8080.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
