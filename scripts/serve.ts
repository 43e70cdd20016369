// The production server: Next.js behind a node:http server whose fast path answers the published
// programme from memory (lib/server/published-pages.ts). `npm start`, the tests and the bench all
// run it, bundled into .next/hybrid-forum/serve.mjs (scripts/build-server.mjs), with PORT and
// HOSTNAME from the environment.
import http from 'node:http';
import { ConfigError, parseEnv } from '../lib/config/env';
import { publishedPageServer } from '../lib/server/published-pages';

async function main() {
  // Set before Next.js and React load, which pick their production builds by it.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { default: next } = await import('next');
  const env = parseEnv(process.env);
  const hostname = process.env.HOSTNAME ?? '0.0.0.0';
  const app = next({ dev: false, dir: process.cwd(), hostname, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Refills ask Next.js over loopback when the server listens on every interface.
  const pages = publishedPageServer({ port: env.port, host: hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname });
  const server = http.createServer((request, response) => {
    void pages.serve(request, response).then(async (answered) => {
      if (!answered) await handle(request, response);
    });
  });
  server.listen(env.port, hostname, () => console.log(`[serve] ready on http://${hostname}:${env.port}`));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
