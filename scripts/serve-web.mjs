#!/usr/bin/env node
// Serves the browser edition (dist/web) on localhost only, with the same strict CSP as the desktop app.
// Usage: node scripts/serve-web.mjs [workspace.costcouncil] [--port 5170]
// The startup workspace (the given file, else the bundled demo) is served at /startup.costcouncil.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: process.env.PORT ?? '5170' }, root: { type: 'string', default: 'dist/web' } },
});
const root = resolve(values.root);
const workspace = resolve(positionals[0] ?? 'assets/demo.costcouncil');
if (!existsSync(join(root, 'index.html'))) {
  console.error(`cost-council: ${root} has no build; run "npm run build:web" first.`);
  process.exit(1);
}
if (positionals[0] && !existsSync(workspace)) {
  console.error(`cost-council: workspace ${positionals[0]} does not exist.`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
  if (url.pathname === '/startup.costcouncil') {
    if (!existsSync(workspace)) return void response.writeHead(404, headers).end();
    return void response.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream' }).end(readFileSync(workspace));
  }
  const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
  if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
    return void response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
  }
  response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Cost Council (browser edition) at http://127.0.0.1:${port}/ on ${positionals[0] ?? 'the demo workspace'}. Press Ctrl+C to stop.`);
});
