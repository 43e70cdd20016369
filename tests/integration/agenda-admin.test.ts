import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, registrationSessions, rooms, sessions, speakers } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { saveSession, previewSessionConflicts } from '@/lib/agenda/admin/save-session';
import { sessionFormValues } from '@/lib/agenda/admin/editor-data';
import type { SessionFormValues } from '@/lib/agenda/admin/session-input';
import { diffAgenda, NOTIFIED } from '@/lib/agenda/publish/diff';
import { pendingAgendaChanges, previewPublication, publishAgenda } from '@/lib/agenda/publish/publish';
import { pendingChanges } from '@/lib/agenda/admin/pending-changes';
import type { AgendaSession } from '@/lib/agenda/agenda-session';
import { publicAgenda } from '@/lib/agenda/public-agenda';
import { speakerScheduleText } from '@/lib/agenda/publish/speaker-schedule-text';
import { appEnv } from '@/lib/config/env';
import { localeForCountry } from '@/lib/i18n/country-locale';
import { pick } from '@/lib/i18n/text';
import { mailFromAddress } from '@/lib/mail/addresses';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { ensureRendered } from '@/lib/mail-delivery/render-queued';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';

const FIRST_DAY = '2026-12-24';
let t: TestDatabase;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: FIRST_DAY, now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: FIRST_DAY, now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.agenda@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

async function roomId(venueSlug: string, nameEn: string) {
  const venue = await venueBySlug(t.db, venueSlug);
  const all = await t.db.select().from(rooms).where(eq(rooms.venueId, venue.id));
  return all.find((r) => r.name.en === nameEn)!.id;
}

async function speakerId(slug: string, eventSlug = EVENT) {
  const [event] = await t.db.select().from(events).where(eq(events.slug, eventSlug));
  const [row] = await t.db
    .select()
    .from(speakers)
    .where(and(eq(speakers.slug, slug), eq(speakers.eventId, event!.id)));
  return row!.id;
}

async function draft(overrides: Partial<SessionFormValues> = {}): Promise<SessionFormValues> {
  return {
    slug: `new-session-${Math.random().toString(36).slice(2, 8)}`,
    title: { en: 'Round table on telemedicine', zh: '远程医疗圆桌会议' },
    description: {},
    kind: 'panel',
    segment: 'main',
    venueId: (await venueBySlug(t.db, 'nanning')).id,
    roomId: '',
    date: FIRST_DAY,
    start: '19:00',
    end: '20:00',
    capacity: '',
    streamed: true,
    livestreamUrl: '',
    recordingUrl: '',
    languages: ['en'],
    relayVenueIds: [],
    speakers: [],
    cancelled: false,
    acknowledgeConflicts: false,
    ...overrides,
  };
}

const kinds = (result: Awaited<ReturnType<typeof saveSession>>) =>
  result.ok || result.code !== 'conflict' ? [] : result.conflicts.map((c) => c.kind);

/** The conflicts a preview found; a preview refused for bad input fails the test instead of passing as "no conflict". */
function conflictsOf(preview: Awaited<ReturnType<typeof previewSessionConflicts>>) {
  if (!preview.ok) throw new Error(`the draft was refused: ${JSON.stringify(preview.fields)}`);
  return preview.conflicts;
}
const conflictKinds = (preview: Awaited<ReturnType<typeof previewSessionConflicts>>) => conflictsOf(preview).map((c) => c.kind);

describe(`agenda management (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('warns before saving a double-booked room, and saves once the organiser acknowledges it', async () => {
    const hallA = await roomId('nanning', 'Plenary Hall A');
    const clash = await draft({ roomId: hallA, start: '09:30', end: '10:00' });
    const first = await saveSession(t.db, organiser, EVENT, null, clash);
    expect(kinds(first)).toEqual(['room-double-booked', 'room-double-booked']);
    expect(await t.db.select().from(sessions).where(eq(sessions.slug, clash.slug))).toHaveLength(0);
    const saved = await saveSession(t.db, organiser, EVENT, null, { ...clash, acknowledgeConflicts: true });
    expect(saved.ok).toBe(true);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.slug, clash.slug));
    // Entered as 09:30 Nanning time, stored as 01:30 UTC.
    expect(row!.startsAt.toISOString()).toBe(`${FIRST_DAY}T01:30:00.000Z`);
  });

  it('warns when a speaker would be in two places at once, or at two venues too far apart to travel between', async () => {
    const liWei = await speakerId('li-wei'); // hosts the opening ceremony in Nanning, 09:00–09:45
    const overlap = await previewSessionConflicts(
      t.db,
      organiser,
      EVENT,
      null,
      await draft({ start: '09:15', end: '09:40', speakers: [{ speakerId: liWei, role: 'speaker', presence: 'remote' }] }),
    );
    expect(conflictKinds(overlap)).toContain('speaker-double-booked');
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const travel = await previewSessionConflicts(
      t.db,
      organiser,
      EVENT,
      null,
      await draft({
        venueId: tokyo.id,
        start: '16:00',
        end: '17:00',
        speakers: [{ speakerId: liWei, role: 'speaker', presence: 'onsite' }],
      }),
    );
    expect(conflictKinds(travel)).toContain('speaker-travel');
    const remote = await previewSessionConflicts(
      t.db,
      organiser,
      EVENT,
      null,
      await draft({
        venueId: tokyo.id,
        start: '16:00',
        end: '17:00',
        speakers: [{ speakerId: liWei, role: 'speaker', presence: 'remote' }],
      }),
    );
    expect(conflictKinds(remote)).toEqual([]);
  });

  it('warns about a session outside the event dates and a relay that lands in the receiving venue’s night', async () => {
    const outside = await previewSessionConflicts(t.db, organiser, EVENT, null, await draft({ date: '2026-12-20' }));
    expect(conflictKinds(outside)).toContain('outside-event');
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const bangkok = await venueBySlug(t.db, 'bangkok');
    // 21:30–22:30 in Nanning is 22:30 in Tokyo (night) but 20:30 in Bangkok (fine).
    const late = await previewSessionConflicts(
      t.db,
      organiser,
      EVENT,
      null,
      await draft({ start: '21:30', end: '22:30', relayVenueIds: [tokyo.id, bangkok.id] }),
    );
    const night = conflictsOf(late).filter((c) => c.kind === 'relay-at-night');
    expect(night).toHaveLength(1);
    expect(night[0]).toMatchObject({ venue: { en: tokyo.name.en } });
  });

  it('names bad fields and writes nothing: end before start, a room of another venue, a speaker of another event', async () => {
    const before = (await t.db.select().from(sessions)).length;
    const tokyoRoom = await roomId('tokyo', 'Conference Room 3F');
    const foreignSpeaker = await speakerId('li-wei', 'other-forum');
    const cases: [Partial<SessionFormValues>, string][] = [
      [{ start: '10:00', end: '09:00' }, 'end'],
      [{ roomId: tokyoRoom }, 'roomId'],
      [{ speakers: [{ speakerId: foreignSpeaker, role: 'speaker', presence: 'onsite' }] }, 'speakers'],
      [{ title: { en: 'x'.repeat(5000) } }, 'title'],
      [{ livestreamUrl: 'javascript:alert(1)' }, 'livestreamUrl'],
      [{ slug: 'opening-ceremony', acknowledgeConflicts: true }, 'slug'],
    ];
    for (const [overrides, field] of cases) {
      const result = await saveSession(t.db, organiser, EVENT, null, await draft(overrides));
      expect(result.ok === false && result.code === 'invalid' && Object.keys(result.fields ?? {})).toEqual([field]);
    }
    expect((await t.db.select().from(sessions)).length).toBe(before);
  });

  it('raising a full session’s capacity promotes the first in line at once', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    for (let i = 0; i < 32; i++)
      await registerAttendee(t.db, EVENT, person(`cap${i}`, { sessions: [workshop] }), { now: new Date('2026-12-01T00:00:00Z') });
    const values = (await sessionFormValues(t.db, organiser, EVENT, workshop))!;
    const result = await saveSession(t.db, organiser, EVENT, workshop, { ...values, capacity: 31, acknowledgeConflicts: true });
    expect(result).toMatchObject({ ok: true, promoted: 1 });
    const seats = await t.db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, workshop));
    expect(seats.filter((s) => s.status === 'confirmed')).toHaveLength(31);
    expect(seats.filter((s) => s.status === 'waitlisted').map((s) => s.waitlistPosition)).toEqual([1]);
    const lowered = await saveSession(t.db, organiser, EVENT, workshop, { ...values, capacity: 10, acknowledgeConflicts: true });
    expect(lowered).toMatchObject({ ok: false, code: 'invalid', fields: { capacity: 'capacityBelowSeats' } });
  });

  it('the public sees a change only once published; publishing mails exactly the affected registrants and speakers, once', async () => {
    const keynote = await sessionBySlug(t.db, 'keynote-ai-public-health'); // speakers: tan-wei-ming (onsite), siti-rahman (remote)
    const panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
    const now = new Date('2026-12-01T00:00:00Z');
    const affected: { ok: true; registration: { id: string } }[] = [];
    for (let i = 0; i < 3; i++)
      affected.push(
        (await registerAttendee(t.db, EVENT, person(`pub-a${i}`, { sessions: [keynote], venue: i === 2 ? 'bangkok' : 'nanning' }), {
          now,
        })) as { ok: true; registration: { id: string } },
      );
    const bystander = (await registerAttendee(t.db, EVENT, person('pub-b', { sessions: [panel] }), { now })) as {
      ok: true;
      registration: { id: string };
    };
    await t.db.delete(outbox);

    const values = (await sessionFormValues(t.db, organiser, EVENT, keynote))!;
    expect(
      await saveSession(t.db, organiser, EVENT, keynote, { ...values, start: '11:30', end: '12:15', acknowledgeConflicts: true }),
    ).toMatchObject({ ok: true });
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    const publicBefore = (await publicAgenda(t.db, event!)).sessions.find((s) => s.id === keynote)!;
    expect(publicBefore.startsAt.toISOString()).toBe(`${FIRST_DAY}T02:30:00.000Z`); // still 10:30 Nanning
    expect(await t.db.select().from(outbox)).toHaveLength(0);

    const pending = await pendingAgendaChanges(t.db, organiser, EVENT);
    expect(pending.filter((c) => c.kind === 'moved').map((c) => c.sessionId)).toEqual([keynote]);
    // The preview the organiser sees before the click: the same plan publishing then follows.
    const preview = await previewPublication(t.db, organiser, EVENT);
    const previewLines = pendingChanges(preview, 'en');
    expect(previewLines.find((c) => c.sessionId === keynote)).toMatchObject({
      kind: 'moved',
      time: { was: 'Thu, 24 Dec 2026 · 10:30–11:15 Nanning, GMT+8', now: 'Thu, 24 Dec 2026 · 11:30–12:15 Nanning, GMT+8' },
      room: null,
      mailed: true,
      registrants: 3,
      speakers: 2,
    });
    await expect(previewPublication(t.db, null, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    const published = await publishAgenda(t.db, organiser, EVENT);
    expect(published.notified).toEqual({ registrants: 3, speakers: 2 });
    expect(published.notified).toEqual({ registrants: preview.audience.registrants.length, speakers: preview.audience.speakers.length });
    const [after] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    expect((await publicAgenda(t.db, after!)).sessions.find((s) => s.id === keynote)!.startsAt.toISOString()).toBe(
      `${FIRST_DAY}T03:30:00.000Z`,
    );

    const mails = await Promise.all((await t.db.select().from(outbox)).map((row) => ensureRendered(t.db, row)));
    const toRegistrants = mails.filter((m) => m.kind === 'registration.schedule-changed');
    expect(toRegistrants.map((m) => m.registrationId).sort()).toEqual(affected.map((a) => a.registration.id).sort());
    expect(mails.some((m) => m.registrationId === bystander.registration.id)).toBe(false);
    const toSpeakers = mails.filter((m) => m.kind === 'speaker.schedule-changed');
    expect(toSpeakers.map((m) => m.toAddress).sort()).toEqual([
      'siti-rahman@speakers.hybrid-forum.example',
      'tan-wei-ming@speakers.hybrid-forum.example',
    ]);
    // A speaker's update carries the session's own UID, the one their personal feed uses, so it replaces that entry.
    const speakerUpdate = new ICAL.Component(ICAL.parse(toSpeakers[0]!.attachments.find((a) => a.filename === 'update.ics')!.content));
    expect(new ICAL.Event(speakerUpdate.getFirstSubcomponent('vevent')!).uid).toBe(`${keynote}@hybrid-forum`);
    expect(mails).toHaveLength(5);
    // Exactly the people the preview listed, no one else.
    expect(toRegistrants.map((m) => m.registrationId).sort()).toEqual(preview.audience.registrants.map((r) => r.registrationId).sort());
    expect(toRegistrants.map((m) => m.toAddress).sort()).toEqual(preview.audience.registrants.map((r) => r.email).sort());
    expect(toSpeakers.map((m) => m.toAddress).sort()).toEqual(preview.audience.speakers.map((s) => s.speaker.email).sort());

    // The Bangkok registrant reads the move in Bangkok time, and their calendar entry is updated, not duplicated.
    const bangkokMail = toRegistrants.find((m) => m.registrationId === affected[2]!.registration.id)!;
    expect(bangkokMail.text).toMatch(/Moved: .*10:30–11:15 Bangkok, GMT\+7.*was .*09:30–10:15 Bangkok, GMT\+7/);
    const invite = new ICAL.Component(ICAL.parse(bangkokMail.attachments.find((a) => a.filename === 'invite.ics')!.content));
    const entry = new ICAL.Event(invite.getFirstSubcomponent('vevent')!);
    expect(entry.uid).toBe(`${affected[2]!.registration.id}-${keynote}@hybrid-forum`);
    expect(entry.sequence).toBeGreaterThanOrEqual(1);
    expect(entry.startDate.toJSDate().toISOString()).toBe(`${FIRST_DAY}T03:30:00.000Z`);

    // Publishing again with nothing changed mails nobody.
    await t.db.delete(outbox);
    expect((await previewPublication(t.db, organiser, EVENT)).audience).toMatchObject({ registrants: [], speakers: [] });
    expect((await publishAgenda(t.db, organiser, EVENT)).notified).toEqual({ registrants: 0, speakers: 0 });
    expect(await t.db.select().from(outbox)).toHaveLength(0);
  });

  it('a room change is published as one and mailed to the session’s registrants with the new room', async () => {
    const panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
    const nanning = await venueBySlug(t.db, 'nanning');
    const [hallA] = await t.db
      .select()
      .from(rooms)
      .where(eq(rooms.id, (await t.db.select({ roomId: sessions.roomId }).from(sessions).where(eq(sessions.id, panel)))[0]!.roomId!));
    const room201 = (await t.db.select().from(rooms).where(eq(rooms.venueId, nanning.id))).find((r) => r.name.en === 'Room 201');
    const reg = (await registerAttendee(t.db, EVENT, person('room-moved', { sessions: [panel] }), {
      now: new Date('2026-12-01T00:00:00Z'),
    })) as { ok: true; registration: { id: string } };
    await t.db.delete(outbox);
    const values = (await sessionFormValues(t.db, organiser, EVENT, panel))!;
    expect(await saveSession(t.db, organiser, EVENT, panel, { ...values, roomId: room201!.id, acknowledgeConflicts: true })).toMatchObject({
      ok: true,
    });
    const roomLine = pendingChanges(await previewPublication(t.db, organiser, EVENT), 'en').find((c) => c.sessionId === panel);
    expect(roomLine).toMatchObject({
      kind: 'room-changed',
      time: null,
      room: { was: `Plenary Hall A, ${nanning.name.en}`, now: `Room 201, ${nanning.name.en}` },
      status: { was: 'scheduled', now: 'changed' },
    });
    const published = await publishAgenda(t.db, organiser, EVENT);
    expect(published.changes).toEqual([
      { kind: 'room-changed', sessionId: panel, was: { roomId: hallA!.id }, now: { roomId: room201!.id } },
    ]);
    expect(published.notified.registrants).toBeGreaterThanOrEqual(1);
    const [queued] = await t.db.select().from(outbox).where(eq(outbox.registrationId, reg.registration.id));
    const mail = await ensureRendered(t.db, queued!);
    expect(mail.kind).toBe('registration.schedule-changed');
    expect(mail.text).toContain(
      `Room changed: Panel: From Lab to Clinic — Scaling Health Technology Across Borders. Now in Room 201, ${nanning.name.en}.`,
    );
  });

  it('the published change list: added, moved, room changed, details changed, cancelled, and a deleted session counted as cancelled', async () => {
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    const before = (await publicAgenda(t.db, event!)).sessions.filter((s) => s.status !== 'cancelled' && s.roomId !== null).slice(0, 6);
    const [moved, roomChanged, detailed, cancelled, deleted, same] = before as [
      AgendaSession,
      AgendaSession,
      AgendaSession,
      AgendaSession,
      AgendaSession,
      AgendaSession,
    ];
    const later = (d: Date) => new Date(d.getTime() + 3_600_000);
    const added = { ...same, id: '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f' };
    const after: AgendaSession[] = [
      { ...moved, startsAt: later(moved.startsAt), endsAt: later(moved.endsAt) },
      { ...roomChanged, roomId: null },
      { ...detailed, title: { ...detailed.title, en: 'Renamed' } },
      { ...cancelled, status: 'cancelled' },
      same,
      added,
    ];
    const times = (s: AgendaSession) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() });
    expect(diffAgenda(before, after)).toEqual([
      {
        kind: 'moved',
        sessionId: moved.id,
        was: { ...times(moved), venueId: moved.venueId },
        now: { startsAt: later(moved.startsAt).toISOString(), endsAt: later(moved.endsAt).toISOString(), venueId: moved.venueId },
      },
      { kind: 'room-changed', sessionId: roomChanged.id, was: { roomId: roomChanged.roomId }, now: { roomId: null } },
      { kind: 'details-changed', sessionId: detailed.id },
      { kind: 'cancelled', sessionId: cancelled.id, was: times(cancelled) },
      { kind: 'added', sessionId: added.id },
      { kind: 'cancelled', sessionId: deleted.id, was: times(deleted) },
    ]);
    // Brought back from cancelled, it is added again; a cancelled session deleted or left cancelled is no news.
    expect(
      diffAgenda(
        [
          { ...same, status: 'cancelled' },
          { ...deleted, status: 'cancelled' },
        ],
        [same],
      ),
    ).toEqual([{ kind: 'added', sessionId: same.id }]);
    expect(diffAgenda([{ ...same, status: 'cancelled' }], [{ ...same, status: 'cancelled' }])).toEqual([]);
    // Only what changes where or when someone has to be is mailed.
    expect([...NOTIFIED].sort()).toEqual(['cancelled', 'moved', 'room-changed']);
  });

  it('a cancelled session reaches its registrants as a calendar cancellation', async () => {
    const promo = await sessionBySlug(t.db, 'promotion-smart-hospitals');
    const reg = (await registerAttendee(t.db, EVENT, person('cancel-me', { sessions: [promo] }), {
      now: new Date('2026-12-01T00:00:00Z'),
    })) as { ok: true; registration: { id: string } };
    await t.db.delete(outbox);
    const values = (await sessionFormValues(t.db, organiser, EVENT, promo))!;
    await saveSession(t.db, organiser, EVENT, promo, { ...values, cancelled: true, acknowledgeConflicts: true });
    const published = await publishAgenda(t.db, organiser, EVENT);
    expect(published.changes).toEqual([expect.objectContaining({ kind: 'cancelled', sessionId: promo })]);
    const [queued] = await t.db.select().from(outbox).where(eq(outbox.registrationId, reg.registration.id));
    const mail = await ensureRendered(t.db, queued!);
    const cancel = mail!.attachments.find((a) => a.filename === 'cancel.ics')!;
    const calendar = new ICAL.Component(ICAL.parse(cancel.content));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).uid).toBe(`${reg.registration.id}-${promo}@hybrid-forum`);
  });

  it('each speaker hears of exactly their changed sessions (moves in one update, cancellations in one cancellation, with the place, the forum and the portal); each registrant of only theirs, an online one in the session venue’s time', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    const [emily, park, budi] = await Promise.all(
      ['emily-clarke', 'park-ji-hoon', 'budi-santoso'].map(
        async (slug) =>
          (
            await t.db
              .select()
              .from(speakers)
              .where(eq(speakers.id, await speakerId(slug)))
          )[0]!,
      ),
    );
    const remote = (speaker: typeof emily) => ({ speakerId: speaker!.id, role: 'speaker' as const, presence: 'remote' as const });
    const create = async (title: string, start: string, end: string, people: (typeof emily)[]) => {
      const saved = await saveSession(
        t.db,
        organiser,
        EVENT,
        null,
        await draft({
          title: { en: title },
          venueId: tokyo.id,
          start,
          end,
          livestreamUrl: 'https://live.hybrid-forum.example/speaker-mail',
          speakers: people.map(remote),
          acknowledgeConflicts: true,
        }),
      );
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.id;
    };
    // Emily speaks at A (to be moved) and B (to be cancelled), Park at C (moved), Budi at B only.
    const a = await create('Speaker mail A', '14:00', '14:45', [emily]);
    const b = await create('Speaker mail B', '15:00', '15:45', [emily, budi]);
    const c = await create('Speaker mail C', '16:00', '16:45', [park]);
    await publishAgenda(t.db, organiser, EVENT);
    const now = new Date('2026-12-01T00:00:00Z');
    const online = (await registerAttendee(
      t.db,
      EVENT,
      person('speaker-mail-online', { mode: 'online', venue: undefined, sessions: [a, c] }),
      { now },
    )) as {
      ok: true;
      registration: { id: string };
    };
    const inTokyo = (await registerAttendee(
      t.db,
      EVENT,
      person('speaker-mail-tokyo', { mode: 'in_person', venue: 'tokyo', sessions: [a] }),
      { now },
    )) as {
      ok: true;
      registration: { id: string };
    };
    expect([online.ok, inTokyo.ok]).toEqual([true, true]);
    await t.db.delete(outbox);

    for (const [id, start, end] of [
      [a, '17:00', '17:45'],
      [c, '18:00', '18:45'],
    ] as const) {
      const values = (await sessionFormValues(t.db, organiser, EVENT, id))!;
      expect(await saveSession(t.db, organiser, EVENT, id, { ...values, start, end, acknowledgeConflicts: true })).toMatchObject({
        ok: true,
      });
    }
    const valuesB = (await sessionFormValues(t.db, organiser, EVENT, b))!;
    expect(await saveSession(t.db, organiser, EVENT, b, { ...valuesB, cancelled: true, acknowledgeConflicts: true })).toMatchObject({
      ok: true,
    });
    const published = await publishAgenda(t.db, organiser, EVENT);
    expect(published.notified).toEqual({ registrants: 2, speakers: 3 });

    const mails = await Promise.all((await t.db.select().from(outbox)).map((row) => ensureRendered(t.db, row)));
    const to = (address: string) => mails.filter((m) => m.toAddress === address);
    const calendar = (mail: (typeof mails)[number], filename: string) =>
      new ICAL.Component(ICAL.parse(mail.attachments.find((x) => x.filename === filename)!.content));
    const uids = (component: ICAL.Component) => component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid);

    for (const speaker of [emily, park, budi]) {
      const locale = localeForCountry(speaker!.country);
      const [mail, ...more] = to(speaker!.email!);
      expect(more).toHaveLength(0);
      expect(mail!.kind).toBe('speaker.schedule-changed');
      const forum = pick(event!.name, locale);
      expect(mail!.subject).toBe(`${speakerScheduleText(locale, forum, speaker!.name).subject} · ${forum}`);
      expect(mail!.text).toContain(`${appEnv().appUrl}/speaker`);
    }
    const [emilyMail] = to(emily!.email!);
    expect(emilyMail!.text).toMatch(/Moved: Speaker mail A\. .*17:00–17:45 Tokyo, GMT\+9.*14:00–14:45 Tokyo, GMT\+9/);
    expect(emilyMail!.text).toMatch(/Cancelled: Speaker mail B\b.*15:00–15:45 Tokyo, GMT\+9/);
    expect(emilyMail!.text).not.toContain('Speaker mail C');
    expect(emilyMail!.attachments.map((x) => x.filename)).toEqual(['update.ics', 'cancel.ics']);
    // The attachments say what they are to the mail client too (iTIP's method on the part).
    expect(emilyMail!.attachments.map((x) => [x.contentType, x.method])).toEqual([
      ['text/calendar; charset=utf-8; method=REQUEST', 'REQUEST'],
      ['text/calendar; charset=utf-8; method=CANCEL', 'CANCEL'],
    ]);
    const update = calendar(emilyMail!, 'update.ics');
    expect(update.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(uids(update)).toEqual([`${a}@hybrid-forum`]);
    const entry = update.getFirstSubcomponent('vevent')!;
    expect(entry.getFirstPropertyValue('location')).toBe(`${tokyo.name.en}, ${tokyo.city.en}`);
    expect(entry.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(entry.getFirstProperty('organizer')!.getParameter('cn')).toBe(event!.name.en);
    expect(String(entry.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${mailFromAddress().address}`.toLowerCase());
    const cancel = calendar(emilyMail!, 'cancel.ics');
    expect(cancel.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(uids(cancel)).toEqual([`${b}@hybrid-forum`]);
    // Only a move: only an update. Only a cancellation: only a cancellation.
    expect(to(park!.email!)[0]!.attachments.map((x) => x.filename)).toEqual(['update.ics']);
    expect(uids(calendar(to(park!.email!)[0]!, 'update.ics'))).toEqual([`${c}@hybrid-forum`]);
    expect(to(budi!.email!)[0]!.attachments.map((x) => x.filename)).toEqual(['cancel.ics']);
    expect(uids(calendar(to(budi!.email!)[0]!, 'cancel.ics'))).toEqual([`${b}@hybrid-forum`]);

    // Registrants: the online one reads both of their sessions in Tokyo time (where each is held), the
    // one in Tokyo only the session they chose.
    const onlineMail = mails.find((m) => m.registrationId === online.registration.id)!;
    expect(onlineMail.kind).toBe('registration.schedule-changed');
    expect(onlineMail.text).toMatch(/Moved: Speaker mail A\. .*17:00–17:45 Tokyo, GMT\+9/);
    expect(onlineMail.text).toMatch(/Moved: Speaker mail C\. .*18:00–18:45 Tokyo, GMT\+9/);
    const tokyoMail = mails.find((m) => m.registrationId === inTokyo.registration.id)!;
    expect(tokyoMail.text).toMatch(/Moved: Speaker mail A\. .*17:00–17:45 Tokyo, GMT\+9/);
    expect(tokyoMail.text).not.toContain('Speaker mail C');
    expect(mails).toHaveLength(5);
  });

  it('the audience of a publication: each active registrant once with their changed sessions in start order, by id; the speakers of either version, by id', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const people = Object.fromEntries(
      await Promise.all(
        ['emily-clarke', 'park-ji-hoon', 'budi-santoso', 'li-wei'].map(async (slug) => [
          slug,
          (
            await t.db
              .select()
              .from(speakers)
              .where(eq(speakers.id, await speakerId(slug)))
          )[0]!,
        ]),
      ),
    );
    const remote = (slug: string) => ({ speakerId: people[slug]!.id, role: 'speaker' as const, presence: 'remote' as const });
    const create = async (title: string, start: string, end: string, slugs: string[]) => {
      const saved = await saveSession(
        t.db,
        organiser,
        EVENT,
        null,
        await draft({
          title: { en: title },
          venueId: tokyo.id,
          start,
          end,
          livestreamUrl: 'https://live.hybrid-forum.example/audience',
          speakers: slugs.map(remote),
          acknowledgeConflicts: true,
        }),
      );
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.id;
    };
    const d = await create('Audience D', '10:00', '10:45', ['emily-clarke', 'park-ji-hoon']);
    const e = await create('Audience E', '11:00', '11:45', ['budi-santoso']);
    const quiet = await create('Audience quiet', '12:00', '12:45', []);
    await publishAgenda(t.db, organiser, EVENT);
    const now = new Date('2026-12-01T00:00:00Z');
    const registrationIds: string[] = [];
    // The changes come in start order: made the opposite of the ids' order, of the order each
    // registrant chose them in and of the order they are saved in, so a list left in the database's
    // order shows.
    const [lo, hi] = [d, e].sort((a, b) => a.localeCompare(b)) as [string, string];
    for (const [n, chosen] of [
      ['aud-1', [lo, hi]],
      ['aud-2', [d]],
      ['aud-3', [lo, quiet, hi]],
      ['aud-cancelled', [lo, hi]],
    ] as const) {
      const result = await registerAttendee(t.db, EVENT, person(n, { mode: 'online', venue: undefined, sessions: [...chosen] }), { now });
      if (!result.ok) throw new Error(JSON.stringify(result));
      registrationIds.push(result.registration.id);
    }
    await cancelRegistration(t.db, registrationIds[3]!);

    // Both move (the one saved last to the earlier time); D changes hands: Park off, Li Wei on.
    const move = async (id: string, start: string, end: string, changes: Partial<SessionFormValues> = {}) => {
      const values = (await sessionFormValues(t.db, organiser, EVENT, id))!;
      expect(
        await saveSession(t.db, organiser, EVENT, id, { ...values, start, end, ...changes, acknowledgeConflicts: true }),
      ).toMatchObject({
        ok: true,
      });
    };
    const handedOver = { speakers: [remote('emily-clarke'), remote('li-wei')] };
    await move(lo, '09:00', '09:45', lo === d ? handedOver : {});
    await move(hi, '08:00', '08:45', hi === d ? handedOver : {});
    const { audience } = await previewPublication(t.db, organiser, EVENT);
    expect(audience.changes.map((c) => [c.kind, c.sessionId])).toEqual([
      ['moved', hi],
      ['moved', lo],
    ]);
    const byId = (a: string, b: string) => a.localeCompare(b);
    const expected = [
      [registrationIds[0]!, [hi, lo]],
      [registrationIds[1]!, [d]],
      [registrationIds[2]!, [hi, lo]],
    ].sort((x, y) => byId(x[0] as string, y[0] as string));
    expect(audience.registrants.map((r) => [r.registrationId, r.sessionIds])).toEqual(expected);
    expect(audience.registrants.map((r) => r.mode)).toEqual(['online', 'online', 'online']);
    const speakersExpected = [
      [people['emily-clarke']!, [d]],
      [people['park-ji-hoon']!, [d]],
      [people['li-wei']!, [d]],
      [people['budi-santoso']!, [e]],
    ]
      .sort((x, y) => byId((x[0] as { id: string }).id, (y[0] as { id: string }).id))
      .map(([speaker, ids]) => [(speaker as { email: string }).email, ids]);
    expect(audience.speakers.map((s) => [s.speaker.email, s.sessionIds])).toEqual(speakersExpected);
    await publishAgenda(t.db, organiser, EVENT);

    // A change on a session without speakers mails its registrants and no speaker.
    await move(quiet, '13:00', '13:45');
    const alone = (await previewPublication(t.db, organiser, EVENT)).audience;
    expect(alone.speakers).toEqual([]);
    expect(alone.registrants.map((r) => [r.registrationId, r.sessionIds])).toEqual([[registrationIds[2]!, [quiet]]]);
    await publishAgenda(t.db, organiser, EVENT);
  });

  it('each registrant’s sessions follow the changes whichever way round the database returns them, the registrants by id; a session deleted from the database still reaches its published speakers', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const create = async (title: string, start: string, speakerSlugs: string[]) => {
      const saved = await saveSession(
        t.db,
        organiser,
        EVENT,
        null,
        await draft({
          title: { en: title },
          venueId: tokyo.id,
          start,
          end: `${start.slice(0, 2)}:30`,
          livestreamUrl: 'https://live.hybrid-forum.example/order',
          speakers: await Promise.all(
            speakerSlugs.map(async (slug) => ({ speakerId: await speakerId(slug), role: 'speaker' as const, presence: 'remote' as const })),
          ),
          acknowledgeConflicts: true,
        }),
      );
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.id;
    };
    const p = await create('Order P', '10:00', []);
    const q = await create('Order Q', '11:00', ['li-wei']);
    await publishAgenda(t.db, organiser, EVENT);
    // Six registrants, so that the database's order matching the ids' by chance is 1 in 720.
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const chosen = n % 2 ? [p, q] : [q, p];
      const result = await registerAttendee(t.db, EVENT, person(`order-${n}`, { mode: 'online', venue: undefined, sessions: chosen }), {
        now: new Date('2026-12-01T00:00:00Z'),
      });
      if (!result.ok) throw new Error(JSON.stringify(result));
      ids.push(result.registration.id);
    }
    const byId = [...ids].sort((a, b) => a.localeCompare(b));
    const move = async (id: string, start: string) => {
      const values = (await sessionFormValues(t.db, organiser, EVENT, id))!;
      const end = `${start.slice(0, 2)}:30`;
      expect(await saveSession(t.db, organiser, EVENT, id, { ...values, start, end, acknowledgeConflicts: true })).toMatchObject({
        ok: true,
      });
    };
    // Swapped, then swapped back: the rows come back in one order, the changes in each in turn.
    for (const [pStart, qStart, order] of [
      ['15:00', '14:00', [q, p]],
      ['16:00', '17:00', [p, q]],
    ] as const) {
      await move(p, pStart);
      await move(q, qStart);
      const { audience } = await previewPublication(t.db, organiser, EVENT);
      expect(audience.changes.map((c) => c.sessionId)).toEqual(order);
      expect(audience.registrants.map((r) => [r.registrationId, r.sessionIds])).toEqual(byId.map((id) => [id, order]));
      await publishAgenda(t.db, organiser, EVENT);
    }

    // A re-worded session is published without mailing anyone.
    const reworded = (await sessionFormValues(t.db, organiser, EVENT, p))!;
    expect(
      await saveSession(t.db, organiser, EVENT, p, { ...reworded, title: { en: 'Order P, renamed' }, acknowledgeConflicts: true }),
    ).toMatchObject({
      ok: true,
    });
    expect((await previewPublication(t.db, organiser, EVENT)).audience).toEqual({ changes: [], registrants: [], speakers: [] });
    await publishAgenda(t.db, organiser, EVENT);

    // Deleted from the database (its registrants' choices go with it), Q is cancelled to the
    // speaker of the published version.
    await t.db.delete(sessions).where(eq(sessions.id, q));
    const { audience } = await previewPublication(t.db, organiser, EVENT);
    expect(audience.changes).toEqual([expect.objectContaining({ kind: 'cancelled', sessionId: q })]);
    expect(audience.registrants).toEqual([]);
    expect(audience.speakers.map((s) => [s.speaker.id, s.sessionIds])).toEqual([[await speakerId('li-wei'), [q]]]);
    await publishAgenda(t.db, organiser, EVENT);
  });

  it('refuses anonymous users, attendees, check-in staff, speakers and organisers of another event', async () => {
    const keynote = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
    const refused = [
      null,
      await actorFor(t.db, 'visitor@example.org'),
      await actorFor(t.db, 'desk.agenda@forum.test', { eventSlug: EVENT, role: 'checkin' }),
      await actorFor(t.db, 'speaker.agenda@forum.test', { eventSlug: EVENT, role: 'speaker' }),
      await actorFor(t.db, 'org.elsewhere@forum.test', { eventSlug: 'other-forum', role: 'organiser' }),
    ];
    const values = await draft();
    for (const actor of refused) {
      await expect(saveSession(t.db, actor, EVENT, null, values)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(saveSession(t.db, actor, EVENT, keynote, values)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(previewSessionConflicts(t.db, actor, EVENT, null, values)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(sessionFormValues(t.db, actor, EVENT, keynote)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(publishAgenda(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(pendingAgendaChanges(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    }
    // Through their own event, another organiser still cannot touch this event's session.
    expect(
      await saveSession(t.db, refused[4]!, 'other-forum', keynote, {
        ...values,
        venueId: (await venueBySlug(t.db, 'nanning', 'other-forum')).id,
        acknowledgeConflicts: true,
      }),
    ).toEqual({ ok: false, code: 'not-found', error: 'This session no longer exists' });
    expect(await t.db.select().from(sessions).where(eq(sessions.slug, values.slug))).toHaveLength(0);
  });
});
