import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/events/[slug]/registrations/route';
import { useDatabase } from '@/lib/database/process-database';
import { events } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { registrationInputSchema } from '@/lib/registration/schema';
import { createRateLimiter } from '@/lib/security/rate-limit';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { counts, EVENT, person, sessionBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let keynote: string;
let workshop: string;
let otherEventSession: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { firstDay: '2027-03-01', slug: 'other-forum', now: new Date('2026-11-20T00:00:00Z') });
  keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
  workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
  otherEventSession = await sessionBySlug(t.db, 'keynote-ai-public-health', 'other-forum');
});
afterAll(() => t?.close());

async function expectRejected(input: unknown, field: string) {
  const before = await counts(t.db);
  const result = await registerAttendee(t.db, EVENT, input, { now });
  expect(result.ok).toBe(false);
  expect(!result.ok && result.code).toBe('invalid');
  if (!result.ok && result.code === 'invalid') {
    expect(result.fields).toHaveProperty(field);
    expect(result.error.startsWith(field)).toBe(true);
  }
  expect(await counts(t.db)).toEqual(before);
}

describe('hostile registration input gets 422 naming the field and writes nothing', () => {
  it.each([
    ['a huge name', { name: 'x'.repeat(100_000) }, 'name'],
    ['a name with a line break', { name: 'x\r\nBcc: a@evil.test' }, 'name'],
    ['a NUL byte', { organisation: 'evil\u0000corp' }, 'organisation'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['an email with a newline', { email: 'a@b.org\nBcc: c@d.org' }, 'email'],
    ['a wrong type', { name: 42 }, 'name'],
    ['an array for email', { email: ['a@b.org'] }, 'email'],
    ['an unknown country', { country: 'XX' }, 'country'],
    ['an unknown participant type', { participantType: 'spy' }, 'participantType'],
    ['a made-up mode', { mode: 'hologram' }, 'mode'],
    ['no consent', { consent: false }, 'consent'],
    ['consent as a string', { consent: 'yes' }, 'consent'],
    ['in person without a venue', { venue: null }, 'venue'],
    ['the online venue as an in-person venue', { venue: 'online' }, 'venue'],
    ['an unknown venue', { venue: 'atlantis' }, 'venue'],
    ['an unknown session', { sessions: ['6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f'] }, 'sessions'],
    ['a session id that is not an id', { sessions: ["1' OR '1'='1"] }, 'sessions'],
    [
      'too many sessions',
      { sessions: Array.from({ length: 41 }, (_, i) => `6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e${String(i).padStart(2, '0')}`) },
      'sessions',
    ],
  ])('%s', async (_label, override, field) => {
    await expectRejected(person('hostile', override), field);
  });

  it('a session of another event', async () => {
    await expectRejected(person('other', { sessions: [otherEventSession] }), 'sessions');
  });

  it('an online attendee choosing a session that is not streamed', async () => {
    await expectRejected(person('online', { mode: 'online', venue: null, sessions: [workshop] }), 'sessions');
  });

  it('a Tokyo attendee choosing a Nanning session that is not relayed to Tokyo', async () => {
    await expectRejected(person('tokyo', { venue: 'tokyo', sessions: [workshop] }), 'sessions');
  });

  let propRuns = 0;
  it('anything at all: never throws, and either registers or answers 4xx without writing', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: value,
            email: value,
            country: value,
            participantType: value,
            mode: value,
            venue: value,
            sessions: value,
            consent: value,
            locale: value,
            needs: value,
          },
          { requiredKeys: [] },
        ),
        async (input) => {
          const before = await counts(t.db);
          // A fresh address each run: a registration that went through cannot turn the rest into 409s.
          const email = `prop${++propRuns}@example.org`;
          const body = { ...person('prop'), ...input, email };
          const result = await registerAttendee(t.db, EVENT, body, { now });
          if (result.ok) {
            // Valid by chance: then the shared schema accepts it too, and it was written once.
            expect(registrationInputSchema.safeParse(body).success).toBe(true);
            expect(result.registration.email).toBe(email);
            expect((await counts(t.db)).registrations).toBe(before.registrations + 1);
            return;
          }
          expect(result.code).toBe('invalid');
          const [field] = Object.keys(result.fields ?? {});
          expect(field && result.error.startsWith(field)).toBe(true);
          expect(await counts(t.db)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the registration window', () => {
  it('refuses before it opens, without an opening and after it closes, naming the event, with nothing written; admits at both edges', async () => {
    const [event] = await t.db.select().from(events).where(eq(events.slug, 'other-forum'));
    const opensAt = new Date('2026-12-10T00:00:00Z');
    const closesAt = new Date('2026-12-20T00:00:00Z');
    await t.db.update(events).set({ registrationOpensAt: opensAt, registrationClosesAt: closesAt }).where(eq(events.id, event!.id));
    const attempt = (n: string, at: Date) => registerAttendee(t.db, 'other-forum', person(`window-${n}`), { now: at });
    for (const [n, at, message] of [
      ['early', new Date(opensAt.getTime() - 1), 'registrationNotYet'],
      ['late', new Date(closesAt.getTime() + 1), 'registrationClosed'],
    ] as const) {
      const before = await counts(t.db);
      expect(await attempt(n, at)).toEqual({ ok: false, code: 'invalid', error: `event ${message}`, fields: { event: message } });
      expect(await counts(t.db)).toEqual(before);
    }
    expect((await attempt('opening', opensAt)).ok).toBe(true);
    expect((await attempt('closing', closesAt)).ok).toBe(true);
    // Opening registration is an organiser's step: without an opening date it is not open.
    await t.db.update(events).set({ registrationOpensAt: null, registrationClosesAt: null }).where(eq(events.id, event!.id));
    expect(await attempt('never-opened', new Date('2026-12-15T00:00:00Z'))).toMatchObject({
      ok: false,
      fields: { event: 'registrationNotYet' },
    });
    // Open without an end: open at any later time.
    await t.db.update(events).set({ registrationOpensAt: opensAt }).where(eq(events.id, event!.id));
    expect((await attempt('any-time', new Date('2030-01-01T00:00:00Z'))).ok).toBe(true);
  });
});

describe('POST /api/v1/events/{slug}/registrations', () => {
  const post = (body: string, headers: Record<string, string> = {}, slug = EVENT) =>
    POST(
      new Request(`http://localhost/api/v1/events/${slug}/registrations`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${Math.floor(Math.random() * 250)}`, ...headers },
      }),
      {
        params: Promise.resolve({ slug }),
      },
    );

  it('answers 201 with a receipt that carries neither the registration nor its manage link, and the same again for the same email', async () => {
    const body = JSON.stringify(person('api', { sessions: [keynote, workshop] }));
    const created = await post(body);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBeNull();
    const json = await created.json();
    expect(json).toEqual({ received: true, email: 'papi@example.org', message: expect.stringContaining('papi@example.org') });
    const again = await post(body);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(json);
  });

  it('answers 422 with field errors, 404 for an unknown forum, 413 for an oversized body, 415 for a non-JSON body', async () => {
    const bad = await post(JSON.stringify(person('api2', { email: 'nope' })));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields.email).toBe('Enter an email address, such as name@example.org.');
    expect((await post('{"name":')).status).toBe(422);
    expect((await post('null')).status).toBe(422);
    expect((await post(JSON.stringify(person('api3')), {}, 'no-such-forum')).status).toBe(404);
    expect((await post(JSON.stringify({ name: 'x'.repeat(40_000) }))).status).toBe(413);
    expect((await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('answers 429 to a client that sends too many, while another client still gets through', async () => {
    const flood = Array.from({ length: 25 }, (_, i) =>
      post(JSON.stringify(person(`flood${i}`, { mode: 'online', venue: null })), { 'x-forwarded-for': '203.0.113.9' }),
    );
    const statuses = (await Promise.all(flood)).map((r) => r.status);
    // The limit (20 a minute unless configured) lets exactly that many through and refuses the rest.
    // Which ones is the order they are counted in: on PostgreSQL the count is a shared row that
    // concurrent requests reach in any order, so the test counts them rather than reading positions.
    const limit = Number(process.env.RATE_LIMIT_REGISTRATIONS_PER_MINUTE) || 20;
    expect(statuses.filter((s) => s === 201)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - limit);
    const limited = await post(JSON.stringify(person('flood-late')), { 'x-forwarded-for': '203.0.113.9' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await post(JSON.stringify(person('polite', { mode: 'online', venue: null })), { 'x-forwarded-for': '198.51.100.7' });
    expect(other.status).toBe(201);
  });
});

describe('rate limiter', () => {
  it('allows the limit per window and tells when to retry', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000 });
    expect(limiter.check('a', 0).allowed).toBe(true);
    expect(limiter.check('a', 1).allowed).toBe(true);
    expect(limiter.check('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.check('b', 2).allowed).toBe(true);
    expect(limiter.check('a', 10_001).allowed).toBe(true);
  });
});
