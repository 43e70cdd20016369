import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as feedRoute } from '@/app/api/v1/me/[token]/calendar.ics/route';
import { GET as streamRoute } from '@/app/api/v1/stream/[token]/route';
import { useDatabase } from '@/lib/database/process-database';
import { auditLog, events, sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import { grantNotice, grantStreamAccess, listStreamGrants, revokeStreamAccess, type StreamGrantOutcome } from '@/lib/livestream/grants';
import { streamDestination } from '@/lib/livestream/entitlement';
import { joinToken } from '@/lib/livestream/join-token';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registrationForManageToken } from '@/lib/registration/manage-view';
import { joinView } from '@/lib/livestream/join-view';
import { streamRedirectPath, STREAM_REDIRECT_TTL_SECONDS, verifyStreamRedirect } from '@/lib/livestream/stream-redirect';
import { registrationFeedUrl } from '@/lib/registration/feed-token';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, counts, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let keynote: string;
const registeredAt = new Date('2026-12-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
});
afterAll(() => t?.close());

async function register(n: string, overrides: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now: registeredAt });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

async function follow(path: string) {
  const token = path.split('/').pop()!;
  return streamRoute(new Request(`http://localhost${path}`), { params: Promise.resolve({ token }) });
}

async function keynoteTimes() {
  const [row] = await t.db.select().from(sessions).where(eq(sessions.id, keynote));
  return row!;
}

describe(`livestream access (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('an online registrant sees a countdown before the stream opens, the stream link from 15 minutes before, and the recording after the end', async () => {
    const id = await register('stream-online', { mode: 'online', venue: undefined, sessions: [keynote] });
    const session = await keynoteTimes();
    const token = joinToken(id, keynote);

    const before = await joinView(t.db, token, new Date(session.startsAt.getTime() - 16 * 60_000));
    expect(before).toMatchObject({ state: 'before', openPath: null });

    const opening = new Date(session.startsAt.getTime() - 14 * 60_000);
    const live = await joinView(t.db, token, opening);
    expect(live.state).toBe('live');
    expect(JSON.stringify(live)).not.toMatch(/"openPath":"https?:/);

    const ended = await joinView(t.db, token, new Date(session.endsAt.getTime() + 60_000));
    expect(ended).toMatchObject({ state: 'ended', openPath: null });
    await t.db
      .update(sessions)
      .set({ recordingUrl: 'https://video.hybrid-forum.example/recordings/keynote' })
      .where(eq(sessions.id, keynote));
    const withRecording = await joinView(t.db, token, new Date(session.endsAt.getTime() + 60_000));
    expect(withRecording.state === 'ended' && withRecording.openPath).toMatch(/^\/api\/v1\/stream\//);
  });

  it('the signed redirect leads to the stream while live, and stops working once the registration is cancelled', async () => {
    const id = await register('stream-cancel', { mode: 'online', venue: undefined, sessions: [keynote] });
    // Make the keynote live now, so the route (which uses the real clock) lets it through.
    await t.db
      .update(sessions)
      .set({ startsAt: sql`now() - interval '5 minutes'`, endsAt: sql`now() + interval '1 hour'` })
      .where(eq(sessions.id, keynote));
    const view = await joinView(t.db, joinToken(id, keynote));
    expect(view.state).toBe('live');
    const path = (view as { openPath: string }).openPath;
    const open = await follow(path);
    expect(open.status).toBe(302);
    expect(open.headers.get('location')).toBe((await keynoteTimes()).livestreamUrl);
    expect(open.headers.get('cache-control')).toBe('no-store');

    await cancelRegistration(t.db, id);
    const afterCancel = await follow(path);
    expect(afterCancel.status).toBe(403);
    expect(afterCancel.headers.get('location')).toBeNull();
    expect(await joinView(t.db, joinToken(id, keynote))).toEqual({ state: 'refused', reason: 'cancelled' });
  });

  it('after the end the join page links to the recording, and the link leads there; the live link no longer opens, nor the recording before the end', async () => {
    const id = await register('stream-recording', { mode: 'online', venue: undefined, sessions: [keynote] });
    const original = await keynoteTimes();
    const recordingUrl = 'https://video.hybrid-forum.example/recordings/keynote-replay';
    // The keynote ended an hour ago (the route uses the real clock).
    await t.db
      .update(sessions)
      .set({ startsAt: sql`now() - interval '2 hours'`, endsAt: sql`now() - interval '1 hour'`, recordingUrl })
      .where(eq(sessions.id, keynote));
    try {
      const view = await joinView(t.db, joinToken(id, keynote));
      expect(view).toMatchObject({ state: 'ended', openPath: expect.stringMatching(/^\/api\/v1\/stream\//) });
      const path = (view as { openPath: string }).openPath;
      expect(verifyStreamRedirect(path.split('/').pop()!)).toMatchObject({ ok: true, redirect: { target: 'recording' } });
      const open = await follow(path);
      expect(open.status).toBe(302);
      expect(open.headers.get('location')).toBe(recordingUrl);
      // The live stream's link is dead once the session ended, though it is signed and not expired.
      const live = await follow(streamRedirectPath({ registrationId: id, sessionId: keynote, target: 'live' }));
      expect(live.status).toBe(403);
      expect(live.headers.get('location')).toBeNull();

      // While live: the stream, not the recording.
      const { startsAt, endsAt } = await keynoteTimes();
      const during = new Date(startsAt.getTime() + 60_000);
      expect(await streamDestination(t.db, id, keynote, 'live', during)).toBe(original.livestreamUrl);
      expect(await streamDestination(t.db, id, keynote, 'recording', during)).toBeNull();
      expect(await streamDestination(t.db, id, keynote, 'live', new Date(endsAt.getTime() + 1))).toBeNull();
      expect(await streamDestination(t.db, id, keynote, 'recording', new Date(endsAt.getTime() + 1))).toBe(recordingUrl);
      // Before it opens: neither.
      const early = new Date(startsAt.getTime() - 16 * 60_000);
      expect(await streamDestination(t.db, id, keynote, 'live', early)).toBeNull();
      expect(await streamDestination(t.db, id, keynote, 'recording', early)).toBeNull();
      // A registration not entitled gets nothing, at any time.
      await cancelRegistration(t.db, id);
      expect(await streamDestination(t.db, id, keynote, 'recording', new Date(endsAt.getTime() + 1))).toBeNull();
      expect((await follow(path)).status).toBe(403);
    } finally {
      await t.db
        .update(sessions)
        .set({ startsAt: original.startsAt, endsAt: original.endsAt, recordingUrl: original.recordingUrl })
        .where(eq(sessions.id, keynote));
    }
  });

  it('a tampered or expired signature is refused', async () => {
    const id = await register('stream-tamper', { mode: 'online', venue: undefined, sessions: [keynote] });
    const path = streamRedirectPath({ registrationId: id, sessionId: keynote, target: 'live' });
    const other = await sessionBySlug(t.db, 'panel-innovation-corridor');
    expect((await follow(path.replace(keynote, other))).status).toBe(403);
    expect((await follow(path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(403);
    expect((await follow(path.replace('.live.', '.recording.'))).status).toBe(403);
    const expired = streamRedirectPath(
      { registrationId: id, sessionId: keynote, target: 'live' },
      new Date(Date.now() - (STREAM_REDIRECT_TTL_SECONDS + 5) * 1000),
    );
    const response = await follow(expired);
    expect(response.status).toBe(410);
    expect(response.headers.get('location')).toBeNull();
  });

  it('an in-person attendee gets no stream unless an organiser grants it, and loses it when revoked; a forged join token is refused', async () => {
    const id = await register('stream-inperson', { mode: 'in_person', venue: 'tokyo', sessions: [keynote] });
    expect(await joinView(t.db, joinToken(id, keynote))).toEqual({ state: 'refused', reason: 'in-person' });
    expect(await joinView(t.db, `${id}.${keynote}.forged`)).toEqual({ state: 'invalid' });
    const manageToken = manageTokenFor(id);
    expect((await registrationForManageToken(t.db, manageToken))!.items.every((item) => item.joinPath === null)).toBe(true);

    const organiser = await actorFor(t.db, 'org.streams@forum.test', { eventSlug: EVENT, role: 'organiser' });
    for (const actor of [
      null,
      await actorFor(t.db, 'nobody.streams@example.org'),
      await actorFor(t.db, 'desk.streams@forum.test', { eventSlug: EVENT, role: 'checkin' }),
    ]) {
      await expect(grantStreamAccess(t.db, actor, EVENT, { email: 'pstream-inperson@example.org' })).rejects.toBeInstanceOf(
        AuthorizationError,
      );
    }
    expect(await grantStreamAccess(t.db, organiser, EVENT, { email: 'not an email' })).toMatchObject({
      ok: false,
      fields: { email: 'email' },
    });
    expect(await grantStreamAccess(t.db, organiser, EVENT, { email: `${'a'.repeat(250)}@example.org` })).toMatchObject({
      ok: false,
      fields: { email: 'tooLong?max=254' },
    });
    expect(await grantStreamAccess(t.db, organiser, EVENT, {})).toMatchObject({ ok: false, fields: { email: expect.stringMatching(/./) } });
    expect(await listStreamGrants(t.db, organiser, EVENT)).toEqual([]);
    const granted = await grantStreamAccess(t.db, organiser, EVENT, { email: 'PSTREAM-INPERSON@example.org' });
    expect(granted).toEqual({
      ok: true,
      email: 'pstream-inperson@example.org',
      registered: true,
      alreadyGranted: false,
    });
    expect(grantNotice(granted as StreamGrantOutcome)).toBe('granted-registered');
    expect(grantNotice({ ...(granted as StreamGrantOutcome), alreadyGranted: true })).toBe('already-registered');
    expect(await joinView(t.db, joinToken(id, keynote))).toMatchObject({
      state: expect.stringMatching(/^(before|live|ended)$/),
      entitlement: { entitled: true, registration: { id } },
    });
    expect((await registrationForManageToken(t.db, manageToken))!.items.find((item) => item.session.id === keynote)!.joinPath).toMatch(
      /^\/join\//,
    );
    const grants = await listStreamGrants(t.db, organiser, EVENT);
    expect(grants.map((g) => g.email)).toEqual(['pstream-inperson@example.org']);
    // Shown in the event's zone (Nanning, GMT+8) like every other admin time, not in GMT.
    expect(grants[0]!.grantedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+8$/);

    await revokeStreamAccess(t.db, organiser, EVENT, 'pstream-inperson@example.org');
    expect(await joinView(t.db, joinToken(id, keynote))).toEqual({ state: 'refused', reason: 'in-person' });
  });

  it('granting an address nobody registered with says so, sends no mail, and applies when they register', async () => {
    const organiser = await actorFor(t.db, 'org.streams@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const mailsBefore = (await counts(t.db)).mails;
    const granted = await grantStreamAccess(t.db, organiser, EVENT, { email: 'Pstream-Later@example.org' });
    expect(granted).toEqual({ ok: true, email: 'pstream-later@example.org', registered: false, alreadyGranted: false });
    expect(grantNotice(granted as StreamGrantOutcome)).toBe('granted-unregistered');
    // A second click changes nothing and says so.
    const again = await grantStreamAccess(t.db, organiser, EVENT, { email: 'pstream-later@example.org' });
    expect(again).toMatchObject({ ok: true, registered: false, alreadyGranted: true });
    expect(grantNotice(again as StreamGrantOutcome)).toBe('already-unregistered');
    expect((await counts(t.db)).mails).toBe(mailsBefore);

    // A cancelled registration does not count as registered.
    const cancelledId = await register('stream-cancelled', { mode: 'in_person', venue: 'tokyo', sessions: [keynote] });
    await cancelRegistration(t.db, cancelledId);
    expect(await grantStreamAccess(t.db, organiser, EVENT, { email: 'pstream-cancelled@example.org' })).toMatchObject({
      registered: false,
    });

    // When they register (in person, so only the grant can give them the link), the join link is on their page.
    const id = await register('stream-later', { mode: 'in_person', venue: 'tokyo', sessions: [keynote] });
    expect(
      (await registrationForManageToken(t.db, manageTokenFor(id)))!.items.find((item) => item.session.id === keynote)!.joinPath,
    ).toMatch(/^\/join\//);
    expect(await grantStreamAccess(t.db, organiser, EVENT, { email: 'pstream-later@example.org' })).toMatchObject({
      registered: true,
      alreadyGranted: true,
    });
  });

  it('each grant and each revocation is in the audit log once, with who did it and for which address; a repeat or a revocation of nothing adds none', async () => {
    const organiser = await actorFor(t.db, 'org.audit-streams@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const [event] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
    const entries = () =>
      t.db
        .select({
          eventId: auditLog.eventId,
          actorUserId: auditLog.actorUserId,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          details: auditLog.details,
        })
        .from(auditLog)
        .where(sql`${auditLog.action} like 'stream.%' and ${auditLog.details}->>'email' = 'press.audit@example.org'`)
        .orderBy(auditLog.at, auditLog.action);
    const entry = (action: string, email: string) => ({
      eventId: event!.id,
      actorUserId: organiser!.userId,
      action,
      entity: 'registration',
      entityId: null,
      details: { email },
    });

    expect(await grantStreamAccess(t.db, organiser, EVENT, { email: ' Press.Audit@Example.org ' })).toMatchObject({
      ok: true,
      alreadyGranted: false,
    });
    expect(await entries()).toEqual([entry('stream.grant', 'press.audit@example.org')]);
    // Granted again: nothing new happened, nothing new is logged.
    expect(await grantStreamAccess(t.db, organiser, EVENT, { email: 'press.audit@example.org' })).toMatchObject({
      ok: true,
      alreadyGranted: true,
    });
    expect(await entries()).toHaveLength(1);

    await revokeStreamAccess(t.db, organiser, EVENT, 'press.audit@example.org');
    const logged = await entries();
    expect(logged).toHaveLength(2);
    expect(logged).toContainEqual(entry('stream.revoke', 'press.audit@example.org'));
    expect((await listStreamGrants(t.db, organiser, EVENT)).map((g) => g.email)).not.toContain('press.audit@example.org');
    // Revoking an address that holds no grant changes nothing and logs nothing.
    await revokeStreamAccess(t.db, organiser, EVENT, 'press.audit@example.org');
    expect(await entries()).toHaveLength(2);
  });

  it('an online registrant is refused a session they did not choose, one not streamed, and one cancelled, each with its reason', async () => {
    const panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const id = await register('stream-refusals', { mode: 'online', venue: undefined, sessions: [keynote] });
    expect(await joinView(t.db, joinToken(id, panel))).toEqual({ state: 'refused', reason: 'not-chosen' });
    expect(await joinView(t.db, joinToken(id, workshop))).toEqual({ state: 'refused', reason: 'not-streamed' });
    // A streamed session whose link was removed is not streamed either.
    const [before] = await t.db.select().from(sessions).where(eq(sessions.id, keynote));
    await t.db.update(sessions).set({ livestreamUrl: null }).where(eq(sessions.id, keynote));
    expect(await joinView(t.db, joinToken(id, keynote))).toEqual({ state: 'refused', reason: 'not-streamed' });
    await t.db.update(sessions).set({ livestreamUrl: before!.livestreamUrl, status: 'cancelled' }).where(eq(sessions.id, keynote));
    try {
      expect(await joinView(t.db, joinToken(id, keynote))).toEqual({ state: 'refused', reason: 'session-cancelled' });
    } finally {
      await t.db.update(sessions).set({ status: before!.status }).where(eq(sessions.id, keynote));
    }
    // The control: the same registrant, the session they chose, streamed and not cancelled.
    expect(await joinView(t.db, joinToken(id, keynote))).toMatchObject({
      state: expect.stringMatching(/^(before|live|ended)$/),
      entitlement: { entitled: true },
    });
    // A session of no event of theirs is not found.
    expect(await joinView(t.db, joinToken('6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f', keynote))).toEqual({
      state: 'refused',
      reason: 'not-found',
    });
  });

  it('the personal calendar feed lists the registrant’s sessions with the invite UIDs, never a stream URL, and dies with the registration', async () => {
    const id = await register('stream-feed', { mode: 'online', venue: undefined, sessions: [keynote] });
    const token = registrationFeedUrl(id).split('/').at(-2)!;
    const response = await feedRoute(new Request('http://localhost/'), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain('live.hybrid-forum.example');
    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid)).toEqual([`${id}-${keynote}@hybrid-forum`]);
    const forged = await feedRoute(new Request('http://localhost/'), { params: Promise.resolve({ token: `${id}.x` }) });
    expect(forged.status).toBe(404);
    await cancelRegistration(t.db, id);
    expect((await feedRoute(new Request('http://localhost/'), { params: Promise.resolve({ token }) })).status).toBe(404);
  });
});
