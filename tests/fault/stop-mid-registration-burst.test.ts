// SIGTERM to the production server in the middle of a registration burst (what a deploy or
// `docker stop` sends): the server stops taking connections, answers every request it has begun,
// closes the database, and exits 0. Nothing it writes is left without an answer.
// Runs against the database under test (PostgreSQL when DATABASE_URL is set, else a PGlite DATA_DIR).
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { rows } from '../helpers/registration';
import { createSeatedAppDatabase, seatedRegistration, seatIntegrity, type SeatedSession } from '../helpers/seated-session';

const backend = usingPostgres ? 'postgres' : 'pglite';
const REQUESTS = 80;
const SEATS = 30;

type Outcome = { status: number; email?: string; at: number } | { error: string; at: number };

/** One POST on a connection of its own, so that a connection the server drops fails only its own request. */
function register(port: number, body: object): Promise<Outcome> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/events/china-asean-tech-forum/registrations',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const at = performance.now();
          const status = response.statusCode ?? 0;
          // The answer names the address, not the registration (which only its mailbox reaches).
          const email = status === 201 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { email: string }).email : undefined;
          resolve({ status, email, at });
        });
        response.on('error', (error) => resolve({ error: error.message, at: performance.now() }));
      },
    );
    request.on('error', (error) => resolve({ error: error.message, at: performance.now() }));
    request.end(payload);
  });
}

if (!hasProductionBuild())
  console.warn('[fault] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

describe.skipIf(!hasProductionBuild())(`SIGTERM in the middle of a registration burst (${backend})`, () => {
  let database: AppDatabase;
  let seated: SeatedSession;
  let server: AppServer | undefined;

  beforeAll(async () => {
    ({ database, seated } = await createSeatedAppDatabase(backend, {
      tag: 'stop',
      venueSlug: 'stop-hall',
      sessionSlug: 'stop-workshop',
      capacity: SEATS,
    }));
  });

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  it('answers every registration it has begun, writes none it did not answer, and exits 0', async () => {
    const port = await freePort();
    server = await startAppServer({ port, database, env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '1000000' } });
    const running = server;

    let signalledAt = Number.POSITIVE_INFINITY;
    let stopped: Promise<void> | undefined;
    const outcomes = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        register(port, seatedRegistration(seated, i, 'stop')).then((outcome) => {
          // The first answer means the burst is being worked on: stop the server now.
          if (!stopped) {
            signalledAt = performance.now();
            stopped = running.stop();
          }
          return outcome;
        }),
      ),
    );
    await stopped;
    expect(await running.exited, 'exit code after SIGTERM').toBe(0);
    server = undefined;

    const answered = outcomes.filter((o): o is Extract<Outcome, { status: number }> => 'status' in o);
    expect(
      answered.map((o) => o.status).filter((s) => s !== 201),
      'answers other than 201',
    ).toEqual([]);
    // Requests were still being worked on when the signal came, and they were answered after it.
    const answeredAfterSignal = answered.filter((o) => o.at > signalledAt).length;
    expect(answeredAfterSignal).toBeGreaterThan(0);

    // The port is closed now.
    const late = await register(port, seatedRegistration(seated, 'late', 'stop'));
    expect('error' in late && late.error).toMatch(/ECONNREFUSED/);

    // The database was closed cleanly (a PGlite directory opens again at once), and holds exactly
    // the registrations that were answered, each whole.
    const opened = await database.open();
    try {
      const stored = rows<{ email: string; mails: number }>(
        await opened.db.execute(
          sql`select r.email, (select count(*)::int from outbox o where o.registration_id = r.id) as mails from registrations r where r.venue_id = ${seated.venueId}`,
        ),
      );
      expect(stored.map((r) => r.email).sort()).toEqual(answered.map((o) => o.email!).sort());
      expect(stored.every((r) => r.mails === 1)).toBe(true);
      const integrity = await seatIntegrity(opened.db, seated);
      expect(integrity.countMismatches).toEqual([]);
      expect(integrity.seatsWithoutRegistration).toBe(0);
      console.log(
        `[fault ${backend}] SIGTERM after the first answer: ${answered.length} of ${REQUESTS} answered (${answeredAfterSignal} after the signal), ${REQUESTS - answered.length} refused`,
      );
    } finally {
      await opened.close();
    }
  });
});
