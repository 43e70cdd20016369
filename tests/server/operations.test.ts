// What operators and load balancers read from the production server (docs/operations.md): liveness,
// readiness with the migrations of the build, Prometheus metrics (local only without a token), and a
// request id carried from the request to its registration's outbox row and the log.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, registrations } from '@/db/schema';
import { seedDemo } from '@/lib/demo/demo';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { EVENT, person } from '../helpers/registration';

const backend = usingPostgres ? 'postgres' : 'pglite';
const SERVER_START_BUDGET_MS = 240_000;

if (!hasProductionBuild())
  console.warn('[server] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

describe.skipIf(!hasProductionBuild())(`operations endpoints, production server (${backend})`, () => {
  let database: AppDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'ops' });
    // The demo forum, on either database (the server seeds only an empty embedded one by itself).
    const opened = await database.open();
    try {
      await seedDemo(opened.db);
    } finally {
      await opened.close();
    }
    // Behind one trusted proxy, so a forwarded address is believed: a remote client stays remote.
    server = await startAppServer({ port: await freePort(), database, env: { TRUST_PROXY_HOPS: '1', LOG_LEVEL: 'info' } });
  }, SERVER_START_BUDGET_MS);

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  it('live answers without the database; ready says the database answers and holds every migration of the build', async () => {
    const live = await fetch(`${server.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    const state = (await ready.json()) as { ready: boolean; database: string; migrations: { applied: number; expected: number } };
    expect(state.ready).toBe(true);
    expect(state.database).toBe('reachable');
    expect(state.migrations.expected).toBeGreaterThanOrEqual(9);
    expect(state.migrations.applied).toBe(state.migrations.expected);
  });

  it('metrics: request latency by route (not by path), outbox depth, registrations; refused to a remote client', async () => {
    // Each answer read to its end: a request is timed when its answer finishes, not when its headers arrive.
    for (const path of [`/events/${EVENT}/agenda`, `/zh/events/${EVENT}/agenda`, `/no/such/page/${Date.now()}`])
      await (await fetch(`${server.url}${path}`)).text();
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const body = await metrics.text();
    expect(body).toMatch(/hf_http_request_duration_seconds_count\{route="\/events\/\[slug\]\/agenda",method="GET",status="2xx"\} [2-9]/);
    expect(body).toContain('route="/[...missing]"');
    expect(body).not.toContain('/no/such/page');
    expect(body).toMatch(/^hf_outbox_depth \d+$/m);
    expect(body).toMatch(/^hf_outbox_oldest_age_seconds [\d.e+-]+$/m);
    expect(body).toContain('# TYPE hf_registrations_total counter');
    expect(body).toContain('# TYPE hf_seat_lock_wait_seconds histogram');
    expect(body).toContain('process_resident_memory_bytes');

    const remote = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(remote.status).toBe(404);
    expect(await remote.text()).not.toContain('hf_');
  });

  it('every answer names its own request, the programme answered from memory included', async () => {
    const agenda = `${server.url}/events/${EVENT}/agenda`;
    await (await fetch(agenda)).text();
    const ids: string[] = [];
    for (const offered of ['ops-agenda-0001', 'ops-agenda-0002', undefined, undefined]) {
      const answer = await fetch(agenda, { headers: offered ? { 'x-request-id': offered } : {} });
      await answer.text();
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-hf-page-cache')).toBe('HIT');
      const id = answer.headers.get('x-request-id');
      if (offered) expect(id).toBe(offered);
      else expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.push(id!);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a registration's request id reaches its outbox row and the log; the answer carries it", async () => {
    const requestId = `ops-test-${Date.now()}`;
    const answer = await fetch(`${server.url}/api/v1/events/${EVENT}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify(person('ops', { email: 'ops.request-id@example.org' })),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    await server.stop();
    const opened = await database.open();
    let registrationId: string;
    try {
      const [row] = await opened.db.select().from(registrations).where(eq(registrations.email, 'ops.request-id@example.org'));
      registrationId = row!.id;
      const mails = await opened.db.select().from(outbox).where(eq(outbox.registrationId, registrationId));
      expect(mails.map((m) => m.requestId)).toEqual([requestId]);
    } finally {
      await opened.close();
    }
    const logged = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === 'registration recorded' && entry.registrationId === registrationId);
    expect(logged).toMatchObject({ requestId, standing: 'confirmed', service: 'hybrid-forum' });
  });
});
