import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** In `vite` dev, serve the startup workspace as serve-web.mjs does (the demo, or COST_COUNCIL_WORKSPACE). */
function startupWorkspace(): Plugin {
  return {
    name: 'cost-council-startup-workspace',
    configureServer(server) {
      server.middlewares.use('/startup.costcouncil', (_req, res) => {
        const path = process.env.COST_COUNCIL_WORKSPACE ?? resolve('assets/demo.costcouncil');
        if (!existsSync(path)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), startupWorkspace()],
  worker: { format: 'es' },
  build: {
    outDir: resolve('dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
