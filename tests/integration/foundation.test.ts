import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { events, registrations, rooms, sessionRelays, sessions, sessionSpeakers, speakers, venues } from '@/db/schema';
import { migrationsFolder, openDatabase } from '@/db/open';
import { seedDemoForum } from '@/lib/demo/seed';
import { acquireDataDirLock } from '@/db/pglite-lock';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let eventId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-24T00:00:00Z') });
});
afterAll(() => t?.close());

/** Postgres reports the violated constraint on the error or on its cause, depending on the driver. */
async function violation(promise: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      code?: string;
      constraint?: string;
      constraint_name?: string;
      cause?: { code?: string; constraint?: string; constraint_name?: string };
    };
    const source = e.cause ?? e;
    return { code: source.code, constraint: source.constraint ?? source.constraint_name };
  }
  throw new Error('expected the database to refuse the write');
}

describe(`migrations (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('create every table of the domain', async () => {
    const result = await t.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: { table_name: string }[] }).rows).map((r) => r.table_name);
    for (const table of [
      'events',
      'venues',
      'rooms',
      'sessions',
      'session_relays',
      'speakers',
      'session_speakers',
      'registrations',
      'registration_sessions',
      'outbox',
      'users',
      'accounts',
      'auth_sessions',
      'verification_tokens',
      'event_members',
      'agenda_versions',
      'audit_log',
    ]) {
      expect(rows).toContain(table);
    }
  });

  it('are idempotent: applying them again changes nothing', async () => {
    if (usingPostgres) {
      const again = await openDatabase({ databaseUrl: process.env.DATABASE_URL!.replace(/\/[^/]*$/, `/${t.name}`) });
      await again.close();
    } else {
      await migratePglite(t.db as never, { migrationsFolder });
    }
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(events);
    expect(row?.n).toBe(1);
  });
});

describe('demo seed', () => {
  it('is a realistic multi-venue forum', async () => {
    const venueRows = await t.db.select().from(venues).where(eq(venues.eventId, eventId));
    expect(venueRows.map((v) => [v.slug, v.kind, v.timeZone]).sort()).toEqual(
      [
        ['bangkok', 'branch', 'Asia/Bangkok'],
        ['nanning', 'main', 'Asia/Shanghai'],
        ['online', 'online', 'Asia/Shanghai'],
        ['seoul', 'branch', 'Asia/Seoul'],
        ['tokyo', 'branch', 'Asia/Tokyo'],
      ].sort(),
    );
    const sessionRows = await t.db.select().from(sessions).where(eq(sessions.eventId, eventId));
    expect(sessionRows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(sessionRows.map((s) => s.kind))).toEqual(
      new Set(['ceremony', 'keynote', 'panel', 'forum', 'workshop', 'exhibition', 'promotion', 'signing']),
    );
    expect(new Set(sessionRows.map((s) => s.segment))).toEqual(
      new Set(['opening', 'main', 'young-scientists', 'exhibition', 'promotion', 'signing', 'branch']),
    );
    expect(sessionRows.some((s) => s.capacity === 30)).toBe(true);
    const branchVenueIds = venueRows.filter((v) => v.kind === 'branch').map((v) => v.id);
    for (const id of branchVenueIds) expect(sessionRows.some((s) => s.venueId === id)).toBe(true);
    const speakerRows = await t.db.select().from(speakers).where(eq(speakers.eventId, eventId));
    expect(new Set(speakerRows.map((s) => s.country)).size).toBeGreaterThanOrEqual(10);
    const roles = await t.db.select({ role: sessionSpeakers.role }).from(sessionSpeakers);
    expect(new Set(roles.map((r) => r.role))).toContain('signatory');
  });

  it('keeps every session inside the event dates and in a room of its own venue', async () => {
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    const rows = await t.db
      .select({ session: sessions, roomVenue: rooms.venueId })
      .from(sessions)
      .leftJoin(rooms, eq(sessions.roomId, rooms.id))
      .where(eq(sessions.eventId, eventId));
    for (const { session, roomVenue } of rows) {
      expect(session.startsAt.getTime()).toBeGreaterThanOrEqual(event!.startsAt.getTime());
      expect(session.endsAt.getTime()).toBeLessThanOrEqual(event!.endsAt.getTime());
      if (roomVenue) expect(roomVenue).toBe(session.venueId);
    }
  });

  it('relays main-venue sessions only to other venues of the same event', async () => {
    const relays = await t.db
      .select({
        from: sessions.venueId,
        to: sessionRelays.venueId,
        sessionEvent: sessions.eventId,
        venueEvent: venues.eventId,
        kind: venues.kind,
      })
      .from(sessionRelays)
      .innerJoin(sessions, eq(sessionRelays.sessionId, sessions.id))
      .innerJoin(venues, eq(sessionRelays.venueId, venues.id));
    expect(relays.length).toBeGreaterThan(10);
    for (const relay of relays) {
      expect(relay.to).not.toBe(relay.from);
      expect(relay.venueEvent).toBe(relay.sessionEvent);
      expect(relay.kind).toBe('branch');
    }
  });

  it('is dated relative to today so the forum is always upcoming', async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoForum(other.db);
      const [event] = await other.db.select().from(events);
      const days = (event!.startsAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(28);
      expect(days).toBeLessThan(32);
      const length = (event!.endsAt.getTime() - event!.startsAt.getTime()) / 86_400_000;
      expect(length).toBeGreaterThanOrEqual(2);
      expect(length).toBeLessThanOrEqual(3);
    } finally {
      await other.close();
    }
  });
});

describe('database constraints', () => {
  const base = () => ({
    eventId,
    name: 'Ada',
    country: 'SG',
    participantType: 'university' as const,
    mode: 'online' as const,
    status: 'confirmed' as const,
    consentAt: new Date(),
  });

  it('refuse a second registration for the same email in any letter case', async () => {
    await t.db.insert(registrations).values({ ...base(), email: 'ada@example.org', manageTokenHash: 'h1' });
    const error = await violation(t.db.insert(registrations).values({ ...base(), email: 'ADA@Example.org', manageTokenHash: 'h2' }));
    expect(error).toMatchObject({ code: '23505', constraint: 'registrations_event_email_uq' });
  });

  it('refuse a session that ends before it starts', async () => {
    const [venue] = await t.db
      .select()
      .from(venues)
      .where(and(eq(venues.eventId, eventId), eq(venues.slug, 'nanning')));
    const error = await violation(
      t.db.insert(sessions).values({
        eventId,
        slug: 'backwards',
        title: { en: 'Backwards' },
        kind: 'panel',
        segment: 'main',
        venueId: venue!.id,
        startsAt: new Date('2026-12-24T03:00:00Z'),
        endsAt: new Date('2026-12-24T02:00:00Z'),
      }),
    );
    expect(error).toMatchObject({ code: '23514', constraint: 'sessions_time_ck' });
  });

  it('refuse negative capacities and more confirmed seats than capacity', async () => {
    const [venue] = await t.db.select().from(venues).where(eq(venues.eventId, eventId)).limit(1);
    expect(await violation(t.db.insert(rooms).values({ venueId: venue!.id, name: { en: 'x' }, capacity: -1 }))).toMatchObject({
      code: '23514',
    });
    const [small] = await t.db.select().from(sessions).where(eq(sessions.capacity, 30));
    expect(await violation(t.db.update(sessions).set({ confirmedCount: 31 }).where(eq(sessions.id, small!.id)))).toMatchObject({
      code: '23514',
      constraint: 'sessions_confirmed_ck',
    });
  });

  it('refuse an in-person registration without a venue, and dangling references', async () => {
    expect(
      await violation(t.db.insert(registrations).values({ ...base(), mode: 'in_person', email: 'nov@example.org', manageTokenHash: 'h3' })),
    ).toMatchObject({ code: '23514', constraint: 'registrations_venue_ck' });
    expect(
      await violation(
        t.db
          .insert(registrations)
          .values({ ...base(), eventId: '00000000-0000-4000-8000-000000000000', email: 'x@example.org', manageTokenHash: 'h4' }),
      ),
    ).toMatchObject({ code: '23503' });
  });
});

describe('embedded data directory', () => {
  it('can be owned by one process only: a second one fails fast with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-lock-'));
    const release = acquireDataDirLock(dir);
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `DATA_DIR ${dir} is in use by another process (pid ${process.pid}); stop it or set a different DATA_DIR`,
      );
    } finally {
      release();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs with 16 MB of shared buffers, so the app process does not carry 128 MB of idle cache', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-buffers-'));
    const opened = await openDatabase({ dataDir: dir });
    try {
      const result = await opened.db.execute<{ setting: string; unit: string }>(
        sql`select setting, unit from pg_settings where name = 'shared_buffers'`,
      );
      const [row] = Array.isArray(result) ? result : (result as { rows: { setting: string; unit: string }[] }).rows;
      expect(Number(row!.setting) * (row!.unit === '8kB' ? 8 : 1)).toBe(16 * 1024);
    } finally {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left behind by a process that died', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-lock-'));
    fs.writeFileSync(path.join(dir, 'owner.pid'), '999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
