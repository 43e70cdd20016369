// Issue 13, points 2, 3 and 8: control of a registration requires control of its address, a cancelled
// registration never blocks registering again, the manage link is re-sent at most once per address
// per 10 minutes whatever is asked, the answer never tells whether an address is registered, and only
// sessions of the published programme can be chosen.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/events/[slug]/registrations/route';
import { useDatabase } from '@/lib/database/process-database';
import { events, outbox, registrations, registrationSessions, sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { publicAgenda, seatsLeft } from '@/lib/agenda/public-agenda';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { registrationFormOptions } from '@/lib/agenda/form-options';
import { cancelRegistration, changeRegistration } from '@/lib/registration/manage';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';
import { registrationForManageToken } from '@/lib/registration/manage-view';
import { registerAttendee } from '@/lib/registration/register';
import { RegistrationBatches } from '@/lib/registration/registration-batches';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { publishWorkingAgenda } from '../helpers/publish-agenda';
import { counts, EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';
import { startSmtpServer } from '../helpers/smtp';

let t: TestDatabase;
let keynote: string;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: ReturnType<typeof smtpTransport>;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  // Registration is open from the seed's `now` until the forum: today (the API's clock) included.
  await seedDemoForum(t.db, { firstDay: '2027-03-01', now: new Date('2026-01-01T00:00:00Z') });
  keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url, { maxConnections: 1 });
});
afterAll(async () => {
  transport?.close();
  await smtp?.close();
  await t?.close();
});
afterEach(async () => {
  await deliverAll();
  smtp.received.length = 0;
});

/** Delivers every queued mail to the test's SMTP server. */
async function deliverAll() {
  while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).claimed > 0);
}

async function mailsTo(address: string) {
  await deliverAll();
  return smtp.received.filter((mail) => mail.envelope.to.includes(address));
}

/** The manage token a mail carries, read as its reader would: from the link in the text. */
function manageTokenIn(text: string | undefined): string {
  const match = /\/manage\/([A-Za-z0-9._~-]+)/.exec(text ?? '');
  if (!match) throw new Error(`no manage link in: ${text}`);
  return match[1]!;
}

const post = (body: unknown) =>
  POST(
    new Request(`http://localhost/api/v1/events/${EVENT}/registrations`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
    {
      params: Promise.resolve({ slug: EVENT }),
    },
  );

const live = (email: string) =>
  t.db
    .select()
    .from(registrations)
    .where(and(eq(sql`lower(${registrations.email})`, email), sql`${registrations.status} <> 'cancelled'`));

describe(`registration ownership (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the attack fails: registering someone’s address hands out no link, the owner gets the same answer and their link by mail, and it works', async () => {
    const victim = 'victim@example.org';
    const attacker = await post(person('attacker', { email: victim, name: 'Not The Owner', sessions: [keynote] }));
    expect(attacker.status).toBe(201);
    expect(attacker.headers.get('location')).toBeNull();
    const attackerText = await attacker.text();
    const [registration] = await live(victim);
    expect(registration, 'the registration counts at once').toBeDefined();
    // Nothing in the answer lets its reader reach the registration: no id, no token, no link.
    expect(attackerText).not.toContain(registration!.id);
    expect(attackerText).not.toMatch(/\/manage\/|token|[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(JSON.parse(attackerText)).toEqual({ received: true, email: victim, message: expect.stringContaining(victim) });

    // The owner, submitting the same address, is told exactly the same.
    const owner = await post(person('owner', { email: victim, name: 'The Owner', mode: 'online', venue: null }));
    expect(owner.status).toBe(attacker.status);
    expect(owner.headers.get('location')).toBeNull();
    expect(await owner.text()).toBe(attackerText);

    // The link reaches only the mailbox: the confirmation (which also covers the owner's attempt
    // just now, so no second mail) carries it, and with it the owner cancels.
    const mails = await mailsTo(victim);
    expect(mails.map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/^Registration confirmed/)]);
    const token = manageTokenIn(mails[0]!.parsed.text);
    expect(registrationIdFromManageToken(token)).toBe(registration!.id);
    expect((await registrationForManageToken(t.db, token))!.registration.email).toBe(victim);
    expect(await cancelRegistration(t.db, registrationIdFromManageToken(token)!)).toMatchObject({
      ok: true,
      registration: { status: 'cancelled' },
    });

    // …and registers as themself: a fresh registration with its own link, which works.
    expect(await (await post(person('owner', { email: victim, name: 'The Owner', mode: 'online', venue: null }))).text()).toBe(
      attackerText,
    );
    const [own] = await live(victim);
    expect(own!.id).not.toBe(registration!.id);
    expect(own!.name).toBe('The Owner');
    // Besides the mail saying the first one is cancelled (with its own, now spent, link).
    const confirmations = (await mailsTo(victim)).filter((m) => /^Registration confirmed/.test(m.parsed.subject ?? ''));
    expect(confirmations).toHaveLength(2);
    const confirmation = confirmations.find((m) => registrationIdFromManageToken(manageTokenIn(m.parsed.text)) !== registration!.id);
    const ownToken = manageTokenIn(confirmation!.parsed.text);
    expect(registrationIdFromManageToken(ownToken)).toBe(own!.id);
    const view = await registrationForManageToken(t.db, ownToken);
    expect(view!.registration).toMatchObject({ status: 'confirmed', mode: 'online' });
  });

  it('a cancelled registration never blocks registering again, as often as the person changes their mind', async () => {
    const email = 'changes-mind@example.org';
    const now = new Date();
    const ids: string[] = [];
    for (let round = 0; round < 3; round++) {
      const result = await registerAttendee(t.db, EVENT, person('changes-mind', { email, sessions: [keynote] }), { now });
      if (!result.ok) throw new Error(`round ${round}: ${JSON.stringify(result)}`);
      ids.push(result.registration.id);
      // The new registration's manage link (from its confirmation mail) opens it and can change it.
      const [mail] = await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.registrationId, result.registration.id), eq(outbox.kind, 'registration.confirmed')));
      const token = manageTokenIn((mail!.payload as { props: { manageUrl: string } }).props.manageUrl);
      expect(registrationIdFromManageToken(token)).toBe(result.registration.id);
      expect(await changeRegistration(t.db, result.registration.id, { mode: 'online', sessions: [keynote] })).toMatchObject({
        ok: true,
        registration: { mode: 'online' },
      });
      expect(await cancelRegistration(t.db, result.registration.id)).toMatchObject({ ok: true, registration: { status: 'cancelled' } });
    }
    expect(new Set(ids).size).toBe(3);
    const stored = await t.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.email, email));
    expect(stored.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('the database keeps one live registration per address and event, and any number of cancelled ones', async () => {
    const [event] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
    const row = (n: number, status: 'confirmed' | 'cancelled') => ({
      eventId: event!.id,
      email: n % 2 ? 'Twice@Example.org' : 'twice@example.org',
      name: 'Twice',
      country: 'CN',
      participantType: 'other' as const,
      mode: 'online' as const,
      status,
      consentAt: new Date(),
      manageTokenHash: `hash-${n}`,
    });
    await t.db.insert(registrations).values([row(1, 'cancelled'), row(2, 'cancelled'), row(3, 'confirmed')]);
    const error = await t.db
      .insert(registrations)
      .values(row(4, 'confirmed'))
      .then(() => null)
      .catch((e: { cause?: { code?: string; constraint?: string; constraint_name?: string } }) => e.cause);
    expect({ code: error?.code, constraint: error?.constraint ?? error?.constraint_name }).toEqual({
      code: '23505',
      constraint: 'registrations_event_email_uq',
    });
  });

  it('30 simultaneous submissions of one address: one registration, one mail; later floods re-send the link at most once per 10 minutes, across instances', async () => {
    const email = 'flooded@example.org';
    const start = new Date();
    const flood = (at: Date, instances = 1) => {
      const batches = Array.from({ length: instances }, () => new RegistrationBatches(t.db));
      return Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          submitRegistration(t.db, EVENT, person(`flood-${i}`, { email, mode: 'online', venue: null }), {
            now: at,
            batches: batches[i % instances],
          }),
        ),
      );
    };
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

    const first = await flood(start);
    expect(new Set(first.map((answer) => JSON.stringify(answer))).size, 'every answer alike').toBe(1);
    expect(first[0]).toEqual({ ok: true, receipt: { received: true, email, message: expect.any(String) } });
    expect(await live(email)).toHaveLength(1);
    expect((await mailsTo(email)).map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/^Registration confirmed/)]);

    expect(new Set((await flood(minutes(5), 3)).map((answer) => JSON.stringify(answer)))).toEqual(new Set([JSON.stringify(first[0])]));
    expect(await mailsTo(email), 'within 10 minutes of the confirmation: nothing more').toHaveLength(1);

    await flood(minutes(11), 3);
    const resent = await mailsTo(email);
    expect(resent.map((m) => m.parsed.subject)).toEqual([
      expect.stringMatching(/^Registration confirmed/),
      expect.stringMatching(/^Your registration and its manage link/),
    ]);
    expect(registrationIdFromManageToken(manageTokenIn(resent[1]!.parsed.text))).toBe((await live(email))[0]!.id);

    await flood(minutes(20), 3);
    expect(await mailsTo(email), '9 minutes after the re-send: nothing more').toHaveLength(2);
    await flood(minutes(22), 3);
    expect(await mailsTo(email)).toHaveLength(3);
  });

  it('a new address and a registered one get the same status and the same body, apart from the address', async () => {
    const fresh = await post(person('same-answer-1', { email: 'same-answer@example.org' }));
    const again = await post(person('same-answer-2', { email: 'same-answer@example.org', mode: 'online', venue: null }));
    expect([fresh.status, again.status]).toEqual([201, 201]);
    expect([...fresh.headers.keys()].sort()).toEqual([...again.headers.keys()].sort());
    expect(await again.text()).toBe(await fresh.text());
  });
});

describe(`only sessions of the published programme can be chosen (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let draft: string;

  beforeAll(async () => {
    const nanning = await venueBySlug(t.db, 'nanning');
    const [session] = await t.db
      .insert(sessions)
      .values({
        eventId: nanning.eventId,
        slug: 'not-yet-published',
        title: { en: 'Not yet published' },
        kind: 'workshop',
        segment: 'main',
        startsAt: new Date('2027-03-01T06:00:00Z'),
        endsAt: new Date('2027-03-01T07:00:00Z'),
        venueId: nanning.id,
        capacity: 5,
      })
      .returning({ id: sessions.id });
    draft = session!.id;
  });

  const refusal = { ok: false, code: 'invalid', fields: { sessions: 'sessionUnknown' } };

  it('an unpublished session is refused by the API and the form (one path), in person and online, as if it did not exist, and is not offered', async () => {
    const before = await counts(t.db);
    expect(await submitRegistration(t.db, EVENT, person('draft-api', { sessions: [draft] }))).toMatchObject(refusal);
    expect(await submitRegistration(t.db, EVENT, person('draft-online', { mode: 'online', venue: null, sessions: [draft] }))).toMatchObject(
      refusal,
    );
    const response = await post(person('draft-http', { sessions: [draft] }));
    expect(response.status).toBe(422);
    expect(await counts(t.db)).toEqual(before);
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    const options = registrationFormOptions(await publicAgenda(t.db, event!), await seatsLeft(t.db, event!.id), 'en');
    expect(
      Object.values(options.sessionsFor)
        .flat()
        .map((s) => s.id),
    ).not.toContain(draft);
  });

  it('an unpublished session is refused on the manage page, and nothing changes', async () => {
    const created = await registerAttendee(t.db, EVENT, person('draft-manage', { sessions: [keynote] }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.registration.id;
    expect(await changeRegistration(t.db, id, { mode: 'in_person', venue: 'nanning', sessions: [keynote, draft] })).toMatchObject(refusal);
    const held = await t.db
      .select({ sessionId: registrationSessions.sessionId })
      .from(registrationSessions)
      .where(eq(registrationSessions.registrationId, id));
    expect(held.map((h) => h.sessionId)).toEqual([keynote]);
    const [row] = await t.db.select({ confirmed: sessions.confirmedCount }).from(sessions).where(eq(sessions.id, draft));
    expect(row!.confirmed).toBe(0);
  });

  it('once published it can be chosen; cancelled in the published programme or since, it cannot', async () => {
    const [event] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
    await publishWorkingAgenda(t.db, event!.id);
    expect(await registerAttendee(t.db, EVENT, person('published', { sessions: [draft] }))).toMatchObject({
      ok: true,
      registration: { sessions: [{ sessionId: draft, status: 'confirmed' }] },
    });

    // Cancelled in the working copy, not yet published: refused at once.
    await t.db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, draft));
    expect(await registerAttendee(t.db, EVENT, person('cancelled-since', { sessions: [draft] }))).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { sessions: 'sessionCancelled' },
    });
    // Cancelled in the published programme, reinstated in the working copy but not published yet.
    await publishWorkingAgenda(t.db, event!.id);
    await t.db.update(sessions).set({ status: 'scheduled' }).where(eq(sessions.id, draft));
    expect(await registerAttendee(t.db, EVENT, person('cancelled-published', { sessions: [draft] }))).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { sessions: 'sessionCancelled' },
    });
    const created = await registerAttendee(t.db, EVENT, person('cancelled-manage', { sessions: [keynote] }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(
      await changeRegistration(t.db, created.registration.id, { mode: 'in_person', venue: 'nanning', sessions: [draft] }),
    ).toMatchObject({ ok: false, code: 'invalid' });
  });
});
