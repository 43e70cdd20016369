// The production server: Next.js behind a node:http server whose fast path answers the published
// programme from memory (lib/server/published-pages.ts). `npm start`, the tests and the bench all
// run it, bundled into .next/hybrid-forum/serve.mjs (scripts/build-server.mjs), with PORT and
// HOSTNAME from the environment.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ConfigError, parseEnv } from '../lib/config/env';
import { publishedPageServer } from '../lib/server/published-pages';
import { joinPageServer } from '../lib/server/join-pages';
import { serveStreamRedirect } from '../lib/server/stream-redirects';
import { serveRegistration } from '../lib/server/registrations';
import { sessionsJsonServer } from '../lib/server/sessions-json';
import { CLIENT_ADDRESS_HEADER, clientAddress } from '../lib/security/client-address';
import { admit, hasBody } from '../lib/server/admit-request';
import { HeldBodyRequest } from '../lib/server/held-body-request';
import { onShutdown, runShutdownHooks, runStoppingHooks } from '../lib/server/shutdown';
import { followProgrammeChanges } from '../lib/agenda/programme-changes';
import { programmePath } from '../lib/agenda/programme-path';
import { closeNotifyHub } from '../lib/database/notify-hub';
import { locales } from '../lib/i18n/locales';
import { timeRequest } from '../lib/observability/http-timing';
import { REQUEST_ID_HEADER, requestIdFor } from '../lib/observability/request-id';
import { buildRouteLabeler } from '../lib/observability/build-routes';
import { serveLiveEvents } from '../lib/live/events-node';
import { releaseAbortReasonStacks } from '../lib/server/abort-reason-stacks';

const SHUTDOWN_GRACE_MS = 15_000;

async function main() {
  // Set before Next.js and React load, which pick their production builds by it.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  // Before React loads: every render's abort reason would otherwise keep the render (lib/server/abort-reason-stacks.ts).
  releaseAbortReasonStacks();
  const { default: next } = await import('next');
  const env = parseEnv(process.env);
  const hostname = process.env.HOSTNAME ?? '0.0.0.0';
  const app = next({ dev: false, dir: process.cwd(), hostname, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Refills and join page renders ask Next.js over loopback when the server listens on every interface.
  const loopback = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
  const pages = publishedPageServer({ port: env.port, host: loopback, previewModeId: previewModeId() });
  // Personal join pages: one render per shape, shared with each registrant's own links filled in (lib/server/join-pages.ts).
  const joinPages = joinPageServer({ port: env.port, host: loopback });
  // Another instance changed a programme: drop and re-render the copies here (lib/agenda/programme-changes.ts).
  const following = followProgrammeChanges((slug) => {
    joinPages.drop();
    void pages.revalidate(slug ? programmePath(slug) : undefined);
  });
  following.listening.catch((error) =>
    console.error('[serve] not following programme changes:', error instanceof Error ? error.message : error),
  );
  onShutdown('notifications', async () => {
    following();
    await closeNotifyHub();
  });
  // The sessions JSON, read by every client of the programme (lib/server/sessions-json.ts).
  const sessionsJson = sessionsJsonServer();
  const routeOf = buildRouteLabeler(process.cwd(), locales);
  const server = http.createServer({ IncomingMessage: HeldBodyRequest }, (request, response) => {
    timeRequest(request, response, routeOf);
    const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    // A programme page held in memory is answered at once, its request id among its headers (a GET
    // without a body has nothing to admit, and its client's address counts for no limit).
    if (!hasBody(request) && pages.serveNow(request, response)) return;
    response.setHeader('X-Request-Id', requestId);
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      request.socket.remoteAddress,
      request.headers['x-forwarded-for'],
      env.trustProxyHops,
    );
    void admit(request as HeldBodyRequest, response).then(async (admitted) => {
      if (!admitted) return;
      // Live rooms' event streams are answered here, not by Next.js (lib/live/events-node.ts says why).
      if (await serveLiveEvents(request, response)) return;
      // So are stream redirects, the other half of a join storm (lib/server/stream-redirects.ts).
      if (await serveStreamRedirect(request, response)) return;
      // And registrations, what the minute registration opens is made of (lib/server/registrations.ts).
      if (await serveRegistration(request as HeldBodyRequest, response)) return;
      if (await pages.serve(request, response)) return;
      if (await sessionsJson.serve(request, response)) return;
      if (await joinPages.serve(request, response).catch(() => false)) return;
      await handle(request, response);
    });
  });
  server.listen(env.port, hostname, () => console.log(`[serve] ready on http://${hostname}:${env.port}`));
  // Stop taking connections, answer the requests already begun (registrations in a batch included),
  // then stop the mail worker and close the database. A signal repeated a second later or more (a
  // second Ctrl-C), or the grace period running out, ends the process at once. Sooner repeats are
  // the same signal twice: Ctrl-C reaches both `npm start` and this process, and start.ts passes
  // it on as well.
  let stoppingSince = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince) {
      if (performance.now() - stoppingSince >= 1000) process.exit(1);
      return;
    }
    stoppingSince = performance.now();
    console.log(`[serve] ${signal}: answering the requests in flight, then stopping`);
    setTimeout(() => {
      console.error(`[serve] requests still open after ${SHUTDOWN_GRACE_MS / 1000} s; stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close(() => void runShutdownHooks().then(() => process.exit(0)));
    // Live rooms' event streams never end by themselves: end them now, or the stop waits out its grace.
    runStoppingHooks();
    // A keep-alive connection turns idle once its last answer is sent; close it then, not after its timeout.
    setInterval(() => server.closeIdleConnections(), 100).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** The build's id for Next.js's on-demand revalidation (lib/server/published-pages.ts), or null. */
function previewModeId(): string | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next', 'prerender-manifest.json'), 'utf8')) as {
      preview?: { previewModeId?: string };
    };
    return manifest.preview?.previewModeId ?? null;
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
