// The registration rate limit against the production server (scripts/serve.ts), where the client
// address is worked out: a client cannot escape the limit by writing its own X-Forwarded-For (or the
// server's own address header), and behind a proxy of ours each client behind it counts on its own.
import { afterAll, describe, expect, it } from 'vitest';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';

const backend = usingPostgres ? 'postgres' : 'pglite';
const LIMIT = 5;
// A server on a new embedded database migrates and seeds it before it answers: over a minute on a loaded 2-core machine.
const SERVER_START_BUDGET_MS = 240_000;

if (!hasProductionBuild())
  console.warn('[server] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

describe.skipIf(!hasProductionBuild())(`registration rate limit by client address, production server (${backend})`, () => {
  const databases: AppDatabase[] = [];
  const servers: AppServer[] = [];

  afterAll(async () => {
    for (const server of servers) await server.kill9();
    for (const database of databases) await database.drop();
  });

  async function serverWith(trustProxyHops: number) {
    const database = await createAppDatabase(backend, { tag: `limit${trustProxyHops}` });
    databases.push(database);
    const server = await startAppServer({
      port: await freePort(),
      database,
      env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: String(LIMIT), TRUST_PROXY_HOPS: String(trustProxyHops) },
    });
    servers.push(server);
    // An empty body: answered 422 once past the limiter, without writing anything.
    return (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/events/china-asean-tech-forum/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      }).then((r) => r.status);
  }

  it(
    'directly exposed: a new X-Forwarded-For or address header on every request does not reset the limit',
    async () => {
      const post = await serverWith(0);
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 3; i++)
        statuses.push(
          await post({ 'x-forwarded-for': `203.0.113.${i}`, 'x-hf-client-address': `198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}` }),
        );
      expect(statuses).toEqual([...Array.from({ length: LIMIT }, () => 422), 429, 429, 429]);
    },
    SERVER_START_BUDGET_MS,
  );

  it(
    'behind one trusted proxy: each client is counted by the address the proxy appended; one over the limit does not slow another',
    async () => {
      const post = await serverWith(1);
      const flood: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) flood.push(await post({ 'x-forwarded-for': `forged-${i}, 203.0.113.9` }));
      expect(flood).toEqual([...Array.from({ length: LIMIT }, () => 422), 429, 429]);
      expect(await post({ 'x-forwarded-for': '198.51.100.7' })).toBe(422);
    },
    SERVER_START_BUDGET_MS,
  );
});
