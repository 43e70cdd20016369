// kill -9 of the production server in the middle of a registration burst, then a restart on the same
// database: everything the server acknowledged must be there with its mail, nothing half-written.
// Runs against the database under test (PostgreSQL when DATABASE_URL is set, else a PGlite DATA_DIR).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { rows } from '../helpers/registration';
import { createSeatedAppDatabase, seatedRegistration, seatIntegrity, type SeatedSession } from '../helpers/seated-session';

const backend = usingPostgres ? 'postgres' : 'pglite';
const BURST = 150;
const CONCURRENCY = 25;
const KILL_AFTER_ACKNOWLEDGED = 50;
const SEATS = 40;

if (!hasProductionBuild())
  console.warn('[fault] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

describe.skipIf(!hasProductionBuild())(`kill -9 in the middle of a registration burst (${backend})`, () => {
  let database: AppDatabase;
  let seated: SeatedSession;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    ({ database, seated } = await createSeatedAppDatabase(backend, {
      tag: 'fault',
      venueSlug: 'fault-hall',
      sessionSlug: 'fault-workshop',
      capacity: SEATS,
    }));
  });

  afterAll(async () => {
    for (const server of servers) await server.kill9();
    await database?.drop();
  });

  it('keeps every acknowledged registration with exactly one mail and nothing half-written after a restart', async () => {
    const port = await freePort();
    const env = { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '1000000' };
    const first = await startAppServer({ port, database, env });
    servers.push(first);

    const endpoint = `${first.url}/api/v1/events/${seated.eventSlug}/registrations`;
    const acknowledged = new Set<string>(); // the addresses answered 201 (the answer names no registration)
    const unexpected: number[] = [];
    let failed = 0;
    let inFlightAtKill = -1;
    let inFlight = 0;
    let next = 0;
    let killing: Promise<void> | undefined;

    const client = async () => {
      while (next < BURST) {
        const body = seatedRegistration(seated, next++, 'fault');
        inFlight++;
        try {
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(20_000),
          });
          if (response.status === 201) {
            acknowledged.add(((await response.json()) as { email: string }).email);
          } else {
            unexpected.push(response.status);
          }
        } catch {
          failed++; // the server died under this request
        } finally {
          inFlight--;
        }
        if (!killing && acknowledged.size >= KILL_AFTER_ACKNOWLEDGED) {
          inFlightAtKill = inFlight;
          killing = first.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    await killing;

    expect(unexpected, 'answers other than 201').toEqual([]);
    // The kill landed mid-burst: requests were in flight, and later ones found no server.
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(acknowledged.size).toBeLessThan(BURST);

    // Restart on the same database; it must come up and take registrations again.
    const second = await startAppServer({ port, database, env });
    servers.push(second);
    const after = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seatedRegistration(seated, 'after-restart', 'fault')),
    });
    expect(after.status).toBe(201);
    await second.stop();

    const opened = await database.open();
    try {
      const stored = rows<{ id: string; email: string; mails: number }>(
        await opened.db.execute(
          sql`select r.id, r.email, (select count(*)::int from outbox o where o.registration_id = r.id) as mails from registrations r where r.event_id = ${seated.eventId}`,
        ),
      );
      const byEmail = new Map(stored.map((r) => [r.email, r]));
      for (const email of [...acknowledged, 'fault-after-restart@example.org']) {
        expect(byEmail.get(email), `acknowledged registration of ${email} survived`).toMatchObject({ email, mails: 1 });
      }
      const integrity = await seatIntegrity(opened.db, seated);
      console.log(
        `[fault ${backend}] acknowledged ${acknowledged.size}, cut off ${failed} (in flight at kill: ${inFlightAtKill}), stored ${integrity.registrations} incl. 1 after restart`,
      );
      expect(integrity.registrationsWithoutExactlyOneMail).toBe(0);
      expect(integrity.seatsWithoutRegistration).toBe(0);
      expect(integrity.countMismatches).toEqual([]);
      // Every registration holds its one seat or waitlist place, and the line has no gaps.
      expect(integrity.confirmed).toBe(Math.min(SEATS, integrity.registrations));
      expect(integrity.waitlistPositions).toEqual(Array.from({ length: integrity.registrations - integrity.confirmed }, (_, i) => i + 1));
      // Requests that never got an answer may or may not have committed, but only whole.
      expect(integrity.registrations).toBeGreaterThanOrEqual(acknowledged.size + 1);
      expect(integrity.registrations).toBeLessThanOrEqual(BURST + 1);
    } finally {
      await opened.close();
    }
    // Two server starts on PGlite (each opens and checks the database) take over a minute each on a
    // loaded 2-core machine; the test's own steps are bounded by their own timeouts.
  }, 360_000);
});
