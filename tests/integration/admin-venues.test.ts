import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eventMembers, rooms, sessions, speakers, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { violatedConstraint } from '@/lib/admin/db-errors';
import { deleteRoom } from '@/lib/agenda/admin/delete-room';
import { listSpeakers, newSpeakerDefaults, speakerForEdit } from '@/lib/speakers/admin/list-speakers';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { listVenues } from '@/lib/agenda/admin/list-venues';
import { createRoom, updateRoom } from '@/lib/agenda/admin/save-room';
import { createSpeaker, updateSpeaker } from '@/lib/speakers/admin/save-speaker';
import { createVenue, updateVenue } from '@/lib/agenda/admin/save-venue';
import { newVenueDefaults, venueForEdit } from '@/lib/agenda/admin/venue-for-edit';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { registerAttendee } from '@/lib/registration/register';
import { speakerProfileSchema } from '@/lib/speakers/profile-schema';
import { updateSpeakerProfile } from '@/lib/speakers/update-profile';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';
import { invalid } from '@/lib/errors/result';

let t: TestDatabase;
let organiser: Actor;

const newVenue = (overrides: Record<string, unknown> = {}) => ({
  slug: 'kuala-lumpur',
  name: { en: 'Kuala Lumpur Branch Venue', zh: '吉隆坡分会场' },
  city: { en: 'Kuala Lumpur', zh: '吉隆坡', ms: 'Kuala Lumpur' },
  country: 'my',
  timeZone: 'asia/kuala_lumpur',
  kind: 'branch',
  capacity: '80',
  address: 'Jalan Ampang',
  position: '7',
  ...overrides,
});

const newSpeaker = (overrides: Record<string, unknown> = {}) => ({
  slug: 'lim-mei',
  name: 'Lim Mei',
  honorific: 'Dr.',
  email: 'Lim.Mei@Example.org',
  jobTitle: 'Research Fellow',
  affiliation: 'Universiti Malaya',
  country: 'MY',
  timeZone: 'Asia/Kuala_Lumpur',
  bio: { en: 'Works on telemedicine.' },
  ...overrides,
});

async function auditCount(action: string): Promise<number> {
  return (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).length;
}

async function roomByName(venueSlug: string, name: string) {
  const venue = await venueBySlug(t.db, venueSlug);
  const [room] = (await t.db.select().from(rooms).where(eq(rooms.venueId, venue.id))).filter((r) => r.name.en === name);
  return room!;
}

async function speakerBySlug(slug: string, eventSlug = EVENT) {
  const { speakers: list } = await listSpeakers(
    t.db,
    eventSlug === EVENT ? organiser : await actorFor(t.db, 'org@other.test', { eventSlug, role: 'organiser' }),
    eventSlug,
  );
  return list.find((s) => s.slug === slug)!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.venues@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

describe(`venues (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('creates a venue with its zone and country in canonical spelling, lists it, and audit-logs it', async () => {
    const result = await createVenue(t.db, organiser, EVENT, newVenue());
    expect(result.ok).toBe(true);
    const [row] = await t.db
      .select()
      .from(venues)
      .where(eq(venues.id, (result as { id: string }).id));
    expect(row).toMatchObject({
      slug: 'kuala-lumpur',
      timeZone: 'Asia/Kuala_Lumpur',
      country: 'MY',
      capacity: 80,
      position: 7,
      kind: 'branch',
    });
    expect(row!.name).toEqual({ en: 'Kuala Lumpur Branch Venue', zh: '吉隆坡分会场' });
    const list = await listVenues(t.db, organiser, EVENT);
    expect(list.venues.map((v) => v.slug)).toEqual(['nanning', 'tokyo', 'seoul', 'bangkok', 'online', 'kuala-lumpur']);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'venue.create'), eq(auditLog.entityId, row!.id)));
    expect(entry).toMatchObject({ entity: 'venue', actorUserId: organiser.userId });
  });

  it('refuses a bad zone, a negative capacity, a taken slug and seats at an online venue with field errors and writes nothing', async () => {
    const before = (await t.db.select().from(venues)).length;
    const audits = await auditCount('venue.create');
    expect(await createVenue(t.db, organiser, EVENT, newVenue({ slug: 'mars', timeZone: 'Mars/Olympus_Mons' }))).toEqual(
      invalid({ timeZone: 'timeZone' }),
    );
    expect(await createVenue(t.db, organiser, EVENT, newVenue({ slug: 'negative', capacity: '-5' }))).toEqual(
      invalid({ capacity: 'tooSmall?min=0' }),
    );
    expect(await createVenue(t.db, organiser, EVENT, newVenue({ slug: 'half', capacity: '2.5' }))).toEqual(
      invalid({ capacity: 'wholeNumber' }),
    );
    expect(await createVenue(t.db, organiser, EVENT, newVenue({ slug: 'tokyo' }))).toEqual(invalid({ slug: 'slugTaken' }));
    expect(await createVenue(t.db, organiser, EVENT, newVenue({ slug: 'stream-2', kind: 'online', capacity: '10' }))).toEqual(
      invalid({ capacity: 'onlineCapacity' }),
    );
    const many = await createVenue(t.db, organiser, EVENT, newVenue({ slug: 'Bad Slug', name: { en: '' }, country: 'XX' }));
    expect(many.ok === false && many.code === 'invalid' && Object.keys(many.fields ?? {}).sort()).toEqual(['country', 'name', 'slug']);
    // The same slug in another event is fine: slugs are unique per event.
    expect(
      (
        await createVenue(
          t.db,
          await actorFor(t.db, 'org@other.test', { eventSlug: 'other-forum', role: 'organiser' }),
          'other-forum',
          newVenue(),
        )
      ).ok,
    ).toBe(true);
    expect((await t.db.select().from(venues)).length).toBe(before + 1);
    expect(await auditCount('venue.create')).toBe(audits + 1);
  });

  it('refuses lowering seats below the people confirmed in person, naming how many, and accepts exactly that many', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    for (let i = 0; i < 3; i++) {
      const registered = await registerAttendee(t.db, EVENT, person(`tokyo${i}`, { venue: 'tokyo' }), {
        now: new Date('2026-12-01T00:00:00Z'),
      });
      expect(registered.ok).toBe(true);
    }
    expect((await venueBySlug(t.db, 'tokyo')).confirmedCount).toBe(3);
    const edit = await venueForEdit(t.db, organiser, EVENT, tokyo.id);
    const refused = await updateVenue(t.db, organiser, EVENT, tokyo.id, { ...edit.values, capacity: '2' });
    expect(refused).toEqual(invalid({ capacity: 'venueCapacityBelow?count=3' }));
    expect((await venueBySlug(t.db, 'tokyo')).capacity).toBe(150);
    expect(await updateVenue(t.db, organiser, EVENT, tokyo.id, { ...edit.values, capacity: '3' })).toEqual({ ok: true, id: tokyo.id });
    expect((await venueBySlug(t.db, 'tokyo')).capacity).toBe(3);
    // Turning it into an online venue would strand those three in-person registrations.
    expect(await updateVenue(t.db, organiser, EVENT, tokyo.id, { ...edit.values, kind: 'online', capacity: '' })).toEqual(
      invalid({ kind: 'venueOnlineAttending?count=3' }),
    );
    await updateVenue(t.db, organiser, EVENT, tokyo.id, edit.values);
  });

  it('recognises the database’s own refusal of seats below confirmed, which a racing registration would trigger', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const error = await t.db
      .update(venues)
      .set({ capacity: 1 })
      .where(eq(venues.id, tokyo.id))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(violatedConstraint(error)).toBe('venues_confirmed_ck');
  });

  it('changes a venue’s zone, keeps its sessions at the same UTC instants, and reports how many sessions’ local times shift', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const held = await t.db.select().from(sessions).where(eq(sessions.venueId, tokyo.id));
    const edit = await venueForEdit(t.db, organiser, EVENT, tokyo.id);
    expect(edit.sessionCount).toBeGreaterThan(held.length); // relayed sessions count too
    const result = await updateVenue(t.db, organiser, EVENT, tokyo.id, { ...edit.values, timeZone: 'Asia/Seoul' });
    expect(result).toEqual({ ok: true, id: tokyo.id, shiftedSessions: edit.sessionCount });
    expect((await venueBySlug(t.db, 'tokyo')).timeZone).toBe('Asia/Seoul');
    const after = await t.db.select().from(sessions).where(eq(sessions.venueId, tokyo.id));
    expect(after.map((s) => s.startsAt.toISOString()).sort()).toEqual(held.map((s) => s.startsAt.toISOString()).sort());
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'venue.update'), eq(auditLog.entityId, tokyo.id)));
    expect(entries.map((e) => (e.details as { changes: Record<string, unknown> }).changes.timeZone).filter(Boolean)).toContainEqual({
      from: 'Asia/Tokyo',
      to: 'Asia/Seoul',
    });
    await updateVenue(t.db, organiser, EVENT, tokyo.id, edit.values);
  });

  it('answers "no such venue" for a venue of another event, even to that event’s organiser through their own event', async () => {
    const theirs = await venueBySlug(t.db, 'tokyo', 'other-forum');
    expect((await venueForEdit(t.db, organiser, EVENT, theirs.id)).venue).toBeNull();
    const ours = await venueBySlug(t.db, 'tokyo');
    const stranger = await actorFor(t.db, 'org@other.test', { eventSlug: 'other-forum', role: 'organiser' });
    expect(await updateVenue(t.db, stranger, 'other-forum', ours.id, newVenue({ slug: 'hijack' }))).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such venue in this event',
    });
    expect(await createRoom(t.db, stranger, 'other-forum', ours.id, { name: { en: 'X' }, capacity: '1' })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such venue in this event',
    });
    expect((await venueBySlug(t.db, 'tokyo')).slug).toBe('tokyo');
  });
});

describe(`rooms (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('adds and edits a room, refusing a negative or missing capacity', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    expect(await createRoom(t.db, organiser, EVENT, tokyo.id, { name: { en: 'Room 5B' }, capacity: '-1' })).toEqual(
      invalid({ capacity: 'tooSmall?min=0' }),
    );
    expect(await createRoom(t.db, organiser, EVENT, tokyo.id, { name: { en: '' }, capacity: '' })).toEqual(
      invalid({ name: 'required', capacity: 'required' }),
    );
    const created = await createRoom(t.db, organiser, EVENT, tokyo.id, {
      name: { en: 'Room 5B', zh: '5B室', ja: '5B会議室', ko: '', th: 'ห้อง 5B' },
      capacity: '40',
    });
    expect(created.ok).toBe(true);
    const id = (created as { id: string }).id;
    // Every language side by side; an empty one is not stored, so Korean readers get the English.
    const [stored] = await t.db.select().from(rooms).where(eq(rooms.id, id));
    expect(stored!.name).toEqual({ en: 'Room 5B', zh: '5B室', ja: '5B会議室', th: 'ห้อง 5B' });
    expect(await updateRoom(t.db, organiser, EVENT, id, { name: { en: 'Room 5B (Annex)' }, capacity: 0 })).toEqual({ ok: true, id });
    const [row] = await t.db.select().from(rooms).where(eq(rooms.id, id));
    expect(row).toMatchObject({ name: { en: 'Room 5B (Annex)' }, capacity: 0, venueId: tokyo.id });
    const edits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'room'), eq(auditLog.entityId, id)));
    expect(edits.map((e) => e.action).sort()).toEqual(['room.create', 'room.update']);
  });

  it('deletes an unused room but refuses one a session is held in or relayed to, naming the sessions', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const spare = await createRoom(t.db, organiser, EVENT, tokyo.id, { name: { en: 'Storage' }, capacity: '5' });
    expect(await deleteRoom(t.db, organiser, EVENT, (spare as { id: string }).id)).toEqual({ ok: true });
    expect(
      await t.db
        .select()
        .from(rooms)
        .where(eq(rooms.id, (spare as { id: string }).id)),
    ).toHaveLength(0);

    const main = await roomByName('tokyo', 'Conference Room 3F');
    const refused = await deleteRoom(t.db, organiser, EVENT, main.id);
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.code !== 'conflict') throw new Error('expected a refusal');
    expect(refused.sessions.length).toBeGreaterThan(0);
    expect(refused.error).toMatch(/^Room “Conference Room 3F” is used by \d+ sessions \(“.+”\); move them to another room first$/);
    expect(await t.db.select().from(rooms).where(eq(rooms.id, main.id))).toHaveLength(1);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'room.delete'), eq(auditLog.entityId, main.id))),
    ).toHaveLength(0);

    // A room only relayed to (the Seoul screen room) is in use too.
    const seoulScreen = await roomByName('seoul', 'Hall 1');
    await t.db.update(sessions).set({ roomId: null }).where(eq(sessions.roomId, seoulScreen.id));
    const relayed = await deleteRoom(t.db, organiser, EVENT, seoulScreen.id);
    expect(relayed.ok === false && relayed.code).toBe('conflict');
  });

  it('answers "no such room" for a room of another event', async () => {
    const other = await venueBySlug(t.db, 'bangkok', 'other-forum');
    const [room] = await t.db.select().from(rooms).where(eq(rooms.venueId, other.id));
    expect(await deleteRoom(t.db, organiser, EVENT, room!.id)).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such room in this event',
    });
    expect(await updateRoom(t.db, organiser, EVENT, room!.id, { name: { en: 'Mine now' }, capacity: '1' })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such room in this event',
    });
    expect((await t.db.select().from(rooms).where(eq(rooms.id, room!.id)))[0]!.name.en).toBe('Convention Hall');
  });
});

describe(`speakers (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps the Chinese title and affiliation apart from the English ones, and drops empty ones', async () => {
    const created = await createSpeaker(
      t.db,
      organiser,
      EVENT,
      newSpeaker({ slug: 'zh-titles', email: '', jobTitleZh: '研究员', affiliationZh: '马来亚大学', honorificZh: '' }),
    );
    expect(created.ok).toBe(true);
    const id = (created as { id: string }).id;
    const [row] = await t.db.select().from(speakers).where(eq(speakers.id, id));
    expect(row).toMatchObject({ jobTitle: 'Research Fellow', affiliation: 'Universiti Malaya' });
    expect(row!.translations).toEqual({ zh: { jobTitle: '研究员', affiliation: '马来亚大学' } });
    const edit = await speakerForEdit(t.db, organiser, EVENT, id);
    expect(edit.values).toMatchObject({ honorificZh: '', jobTitleZh: '研究员', affiliationZh: '马来亚大学' });
    expect((await updateSpeaker(t.db, organiser, EVENT, id, { ...edit.values, jobTitleZh: '', affiliationZh: '' })).ok).toBe(true);
    const [cleared] = await t.db.select().from(speakers).where(eq(speakers.id, id));
    expect(cleared!.translations).toEqual({});
  });

  it('saves the biography in Japanese, Korean and Thai side by side, reads them back into the form, and drops an emptied one', async () => {
    const bio = { en: 'Professor of robotics.', ja: 'ロボット工学の教授。', ko: '로봇공학 교수.', th: 'ศาสตราจารย์ด้านหุ่นยนต์' };
    const created = await createSpeaker(t.db, organiser, EVENT, newSpeaker({ slug: 'bio-languages', email: '', bio }));
    const id = (created as { id: string }).id;
    const [row] = await t.db.select().from(speakers).where(eq(speakers.id, id));
    expect(row!.bio).toEqual(bio);
    const edit = await speakerForEdit(t.db, organiser, EVENT, id);
    expect(edit.values!.bio).toEqual({ ...localizedFormValues(null), ...bio });
    // Saving the form unchanged keeps every language; emptying Korean drops it, so Korean readers get English.
    expect(await updateSpeaker(t.db, organiser, EVENT, id, edit.values)).toEqual({ ok: true, id });
    expect(await updateSpeaker(t.db, organiser, EVENT, id, { ...edit.values, bio: { ...edit.values!.bio, ko: '' } })).toEqual({
      ok: true,
      id,
    });
    const [saved] = await t.db.select().from(speakers).where(eq(speakers.id, id));
    expect(saved!.bio).toEqual({ en: 'Professor of robotics.', ja: 'ロボット工学の教授。', th: 'ศาสตราจารย์ด้านหุ่นยนต์' });
  });

  it('adds a speaker with a lower-cased email, and refuses a taken slug, a taken email, a bad zone or country', async () => {
    const created = await createSpeaker(t.db, organiser, EVENT, newSpeaker());
    expect(created.ok).toBe(true);
    const [row] = await t.db
      .select()
      .from(speakers)
      .where(eq(speakers.id, (created as { id: string }).id));
    expect(row).toMatchObject({
      email: 'lim.mei@example.org',
      timeZone: 'Asia/Kuala_Lumpur',
      bio: { en: 'Works on telemedicine.' },
      userId: null,
    });

    expect(await createSpeaker(t.db, organiser, EVENT, newSpeaker({ email: 'LIM.MEI@example.org', slug: 'lim-mei-2' }))).toEqual(
      invalid({ email: 'emailTaken' }),
    );
    expect(await createSpeaker(t.db, organiser, EVENT, newSpeaker({ slug: 'li-wei', email: '' }))).toEqual(invalid({ slug: 'slugTaken' }));
    const bad = await createSpeaker(
      t.db,
      organiser,
      EVENT,
      newSpeaker({ slug: 'x-y', email: 'not-an-email', timeZone: 'Nowhere/Land', country: 'ZZ', affiliation: '' }),
    );
    expect(bad.ok === false && bad.code === 'invalid' && Object.keys(bad.fields ?? {}).sort()).toEqual([
      'affiliation',
      'country',
      'email',
      'timeZone',
    ]);
    // Without an email or zone the speaker is stored with none.
    const bare = await createSpeaker(t.db, organiser, EVENT, newSpeaker({ slug: 'no-contact', email: ' ', timeZone: '' }));
    const [stored] = await t.db
      .select()
      .from(speakers)
      .where(eq(speakers.id, (bare as { id: string }).id));
    expect(stored).toMatchObject({ email: null, timeZone: null });
  });

  it('edits a speaker’s affiliation, and the speaker’s own portal accepts and saves what the organiser saved', async () => {
    const id = (await speakerBySlug('kenji-watanabe')).id;
    const edit = await speakerForEdit(t.db, organiser, EVENT, id);
    expect(edit.speaker).toMatchObject({ id, name: 'Kenji Watanabe' });
    expect(edit.values).toMatchObject({
      slug: 'kenji-watanabe',
      name: 'Kenji Watanabe',
      honorific: 'Prof.',
      affiliation: 'University of Tokyo',
      country: 'JP',
      timeZone: 'Asia/Tokyo',
    });
    expect(
      await updateSpeaker(t.db, organiser, EVENT, id, {
        ...edit.values,
        affiliation: 'Waseda University',
        bio: { ...edit.values!.bio, zh: '机器人学教授。' },
      }),
    ).toEqual({ ok: true, id });
    const [row] = await t.db.select().from(speakers).where(eq(speakers.id, id));
    expect(row).toMatchObject({ affiliation: 'Waseda University', bio: { zh: '机器人学教授。' } });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'speaker.update'), eq(auditLog.entityId, id)));
    expect((entry!.details as { changes: Record<string, unknown> }).changes.affiliation).toEqual({
      from: 'University of Tokyo',
      to: 'Waseda University',
    });

    const reloaded = (await speakerForEdit(t.db, organiser, EVENT, id)).values!;
    const portalValues = {
      bio: reloaded.bio,
      affiliation: reloaded.affiliation,
      jobTitle: reloaded.jobTitle,
      timeZone: reloaded.timeZone,
    };
    expect(speakerProfileSchema.safeParse(portalValues).success).toBe(true);
    const kenji = await actorFor(t.db, 'kenji-watanabe@speakers.hybrid-forum.example');
    await t.db.update(speakers).set({ userId: kenji.userId }).where(eq(speakers.id, id));
    expect(await updateSpeakerProfile(t.db, kenji, id, { ...portalValues, jobTitle: 'Visiting Professor' })).toEqual({ ok: true });
    // And what the speaker saved opens and saves unchanged in the organiser's form.
    const afterPortal = (await speakerForEdit(t.db, organiser, EVENT, id)).values!;
    expect(afterPortal.jobTitle).toBe('Visiting Professor');
    expect(await updateSpeaker(t.db, organiser, EVENT, id, afterPortal)).toEqual({ ok: true, id });
  });

  it('unlinks the signed-in account, and its speaker role, when the organiser moves the record to another email', async () => {
    const id = (await speakerBySlug('park-ji-hoon')).id;
    const park = await actorFor(t.db, 'park-ji-hoon@speakers.hybrid-forum.example', { eventSlug: EVENT, role: 'speaker' });
    await t.db.update(speakers).set({ userId: park.userId }).where(eq(speakers.id, id));
    const edit = (await speakerForEdit(t.db, organiser, EVENT, id)).values!;

    // Only the case differs: the same inbox, the link stays.
    expect(await updateSpeaker(t.db, organiser, EVENT, id, { ...edit, email: edit.email.toUpperCase() })).toEqual({ ok: true, id });
    expect((await t.db.select().from(speakers).where(eq(speakers.id, id)))[0]!.userId).toBe(park.userId);

    expect(await updateSpeaker(t.db, organiser, EVENT, id, { ...edit, email: 'ji-hoon.park@kaist.example' })).toEqual({ ok: true, id });
    expect((await t.db.select().from(speakers).where(eq(speakers.id, id)))[0]).toMatchObject({
      userId: null,
      email: 'ji-hoon.park@kaist.example',
    });
    const roles = await t.db
      .select()
      .from(eventMembers)
      .where(and(eq(eventMembers.userId, park.userId), eq(eventMembers.role, 'speaker')));
    expect(roles).toHaveLength(0);
    await expect(
      updateSpeakerProfile(t.db, park, id, { bio: {}, affiliation: 'KAIST', jobTitle: '', timeZone: 'Asia/Seoul' }),
    ).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('answers "no such speaker" for a speaker of another event', async () => {
    const theirs = await speakerBySlug('li-wei', 'other-forum');
    expect((await speakerForEdit(t.db, organiser, EVENT, theirs.id)).speaker).toBeNull();
    expect(await updateSpeaker(t.db, organiser, EVENT, theirs.id, newSpeaker({ slug: 'li-wei', email: '' }))).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such speaker in this event',
    });
  });
});

describe('who may manage venues, rooms and speakers', () => {
  it('refuses anonymous users, attendees, check-in staff, speakers and organisers of another event in every function', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const room = await roomByName('tokyo', 'Conference Room 3F');
    const speaker = await speakerBySlug('li-wei');
    const before = { venue: JSON.stringify(tokyo), room: JSON.stringify(room), audit: (await t.db.select().from(auditLog)).length };
    const refused: (Actor | null)[] = [
      null,
      await actorFor(t.db, 'attendee@example.org'),
      await actorFor(t.db, 'desk@forum.test', { eventSlug: EVENT, role: 'checkin' }),
      await actorFor(t.db, 'talker@forum.test', { eventSlug: EVENT, role: 'speaker' }),
      await actorFor(t.db, 'org@other.test', { eventSlug: 'other-forum', role: 'organiser' }),
    ];
    const roomValues = { name: { en: 'Taken over' }, capacity: '1' };
    for (const actor of refused) {
      const calls: (() => Promise<unknown>)[] = [
        () => listVenues(t.db, actor, EVENT),
        () => newVenueDefaults(t.db, actor, EVENT),
        () => venueForEdit(t.db, actor, EVENT, tokyo.id),
        () => createVenue(t.db, actor, EVENT, newVenue({ slug: 'intruder' })),
        () => updateVenue(t.db, actor, EVENT, tokyo.id, newVenue({ slug: 'tokyo', capacity: '1' })),
        () => createRoom(t.db, actor, EVENT, tokyo.id, roomValues),
        () => updateRoom(t.db, actor, EVENT, room.id, roomValues),
        () => deleteRoom(t.db, actor, EVENT, room.id),
        () => listSpeakers(t.db, actor, EVENT),
        () => newSpeakerDefaults(t.db, actor, EVENT),
        () => speakerForEdit(t.db, actor, EVENT, speaker.id),
        () => createSpeaker(t.db, actor, EVENT, newSpeaker({ slug: 'intruder', email: '' })),
        () => updateSpeaker(t.db, actor, EVENT, speaker.id, newSpeaker({ slug: 'li-wei', email: '' })),
      ];
      for (const call of calls) {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `refused for ${actor?.email ?? 'anonymous'}`).toBeInstanceOf(AuthorizationError);
        expect((error as AuthorizationError).reason).toBe(actor ? 'forbidden' : 'signed-out');
      }
    }
    expect(JSON.stringify(await venueBySlug(t.db, 'tokyo'))).toBe(before.venue);
    expect(JSON.stringify(await roomByName('tokyo', 'Conference Room 3F'))).toBe(before.room);
    expect((await t.db.select().from(auditLog)).length).toBe(before.audit);
  });
});
