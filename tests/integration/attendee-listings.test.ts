// Technology listings by registered attendees (issue 20, item 2) and listings presented in promotion
// sessions (item 5): the author's lifecycle through moderation, who may edit (forged ids, other
// tokens, unconfirmed registrations refused in words), a meeting request on an attendee's listing
// reaching its author, and the session editor's link refusing other events' or unpublished listings.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, listings, meetings, outbox, registrations, sessionListings } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { listListings } from '@/lib/exhibition/admin/list-listings';
import { moderateListing } from '@/lib/exhibition/admin/save-listing';
import {
  createAttendeeListing,
  LISTINGS_PER_ATTENDEE,
  updateAttendeeListing,
  withdrawAttendeeListing,
} from '@/lib/exhibition/attendee/save-attendee-listing';
import { publishedListings } from '@/lib/exhibition/public-listings';
import { presentedListings } from '@/lib/exhibition/session/presented-listings';
import { saveSessionListings } from '@/lib/exhibition/session/save-session-listings';
import { pick } from '@/lib/i18n/text';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { meetingsPathFromLink } from '@/lib/meetings/open-from-link';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { registerAttendee } from '@/lib/registration/register';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';

const OTHER = 'other-forum';
const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let otherEventId: string;
let organiser: Actor;

const need = (overrides: Record<string, unknown> = {}) => ({
  kind: 'need',
  title: '寻求<script>alert(1)</script>海水淡化合作',
  titleEn: 'Partners for solar desalination',
  summary: 'Line one\r\nline two',
  sector: 'new-energy',
  trl: '4',
  ipStatus: 'know-how',
  cooperation: ['joint-research', 'joint-research'],
  countries: ['vn', 'TH'],
  ...overrides,
});

async function registrant(tag: string, overrides: Record<string, unknown> = {}, eventSlug = EVENT) {
  const r = await registerAttendee(
    t.db,
    eventSlug,
    person(tag, { email: `${tag}@example.org`, name: `Person ${tag}`, organisation: `Org ${tag}`, country: 'VN', ...overrides }),
    { now },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { id: r.registration.id, token: manageTokenFor(r.registration.id) };
}

const publicTitles = async () => (await publishedListings(t.db, eventId)).map((l) => l.title.en);

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  otherEventId = await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.attendee-listings@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

describe('listings by registered attendees', () => {
  it('are posted pending, public (organisation and country, never the email) once approved, back to pending when edited, and gone when withdrawn', async () => {
    const author = await registrant('author1', { locale: 'zh' });
    const created = await createAttendeeListing(t.db, author.token, need(), now);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const [row] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    expect(row).toMatchObject({
      status: 'pending',
      exhibitorId: null,
      authorRegistrationId: author.id,
      trl: 4,
      cooperation: ['joint-research'],
      countries: ['VN', 'TH'],
      summary: { en: '', zh: 'Line one\nline two' },
    });
    // Stored as typed: the page renders it as text (React escapes it), never as markup.
    expect(row!.title).toEqual({ en: 'Partners for solar desalination', zh: '寻求<script>alert(1)</script>海水淡化合作' });
    expect(await publicTitles()).not.toContain('Partners for solar desalination');

    // The organisers' moderation list shows it, with the author as the public will see them.
    const list = await listListings(t.db, organiser, EVENT);
    expect(list.listings.find((l) => l.id === created.id)).toMatchObject({
      status: 'pending',
      byAttendee: true,
      authorName: { en: 'Org author1' },
      authorCountry: 'VN',
    });

    expect((await moderateListing(t.db, organiser, EVENT, created.id, 'publish', now)).ok).toBe(true);
    const shown = (await publishedListings(t.db, eventId)).find((l) => l.id === created.id);
    expect(shown).toMatchObject({ authorName: { en: 'Org author1' }, authorCountry: 'VN', exhibitorSlug: null });
    expect(JSON.stringify(shown)).not.toContain('author1@example.org');
    expect(pick(shown!.title, 'zh')).toContain('海水淡化');
    // The directory's country filter finds the author's own country too.
    expect((await publishedListings(t.db, eventId, { country: 'VN' })).map((l) => l.id)).toContain(created.id);

    const edited = await updateAttendeeListing(t.db, author.token, created.id, need({ title: '太阳能海水淡化', trl: '5' }));
    expect(edited.ok).toBe(true);
    const [after] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    expect(after).toMatchObject({ status: 'pending', moderatedAt: null, trl: 5 });
    expect(await publicTitles()).not.toContain('Partners for solar desalination');

    expect((await withdrawAttendeeListing(t.db, author.token, created.id)).ok).toBe(true);
    expect(await t.db.select().from(listings).where(eq(listings.id, created.id))).toHaveLength(0);
  });

  it('refuses fields out of bounds beside the field, in validation words', async () => {
    const author = await registrant('bounds');
    expect(await createAttendeeListing(t.db, author.token, need({ trl: '10' }))).toMatchObject({ ok: false, fields: { trl: 'trl' } });
    expect(await createAttendeeListing(t.db, author.token, need({ title: '' }))).toMatchObject({
      ok: false,
      fields: { title: 'required' },
    });
    expect(await createAttendeeListing(t.db, author.token, need({ title: 'x'.repeat(201) }))).toMatchObject({
      ok: false,
      fields: { title: 'tooLong?max=200' },
    });
    expect(await createAttendeeListing(t.db, author.token, need({ title: 'a\u202eb' }))).toMatchObject({
      ok: false,
      fields: { title: 'oneLine' },
    });
    expect(await createAttendeeListing(t.db, author.token, need({ sector: 'mining' }))).toMatchObject({
      ok: false,
      fields: { sector: 'sectors' },
    });
    expect(await createAttendeeListing(t.db, author.token, need({ cooperation: [] }))).toMatchObject({
      ok: false,
      fields: { cooperation: 'cooperation' },
    });
    expect(await createAttendeeListing(t.db, author.token, need({ countries: ['ZZ'] }))).toMatchObject({ ok: false });
    expect(await t.db.select().from(listings).where(eq(listings.authorRegistrationId, author.id))).toHaveLength(0);
  });

  it('one registration holds at most ten listings: fifteen posted at once make ten, five are told why; withdrawing one makes room', async () => {
    const flooder = await registrant('flooder');
    const settled = await Promise.all(
      Array.from({ length: 15 }, (_, i) => createAttendeeListing(t.db, flooder.token, need({ title: `Flood ${i}` }))),
    );
    expect(settled.filter((r) => r.ok)).toHaveLength(LISTINGS_PER_ATTENDEE);
    expect(settled.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 5 }, () => ({ ok: false, code: 'invalid', error: expect.any(String), fields: { form: 'listingLimit?max=10' } })),
    );
    const held = await t.db.select().from(listings).where(eq(listings.authorRegistrationId, flooder.id));
    expect(held).toHaveLength(10);
    // Editing stays possible at the cap; a withdrawal frees a place.
    const first = settled.find((r) => r.ok) as { ok: true; id: string };
    expect(await updateAttendeeListing(t.db, flooder.token, first.id, need({ title: 'Edited at the cap' }))).toMatchObject({ ok: true });
    expect(await withdrawAttendeeListing(t.db, flooder.token, first.id)).toMatchObject({ ok: true });
    expect(await createAttendeeListing(t.db, flooder.token, need({ title: 'After a withdrawal' }))).toMatchObject({ ok: true });
  });

  it("only the author's own link edits or withdraws: another person's token, an exhibitor's listing id, a forged token and unconfirmed registrations are refused", async () => {
    const author = await registrant('owner');
    const intruder = await registrant('intruder');
    const created = await createAttendeeListing(t.db, author.token, need());
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await updateAttendeeListing(t.db, intruder.token, created.id, need({ title: 'Hijacked' }))).toMatchObject({
      ok: false,
      fields: { form: 'listingNotYours' },
    });
    expect(await withdrawAttendeeListing(t.db, intruder.token, created.id)).toMatchObject({
      ok: false,
      fields: { form: 'listingNotYours' },
    });
    // An exhibitor's listing of the same event is nobody's to edit from a manage link.
    const [exhibitorListing] = await t.db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.eventId, eventId), sql`${listings.exhibitorId} is not null`))
      .limit(1);
    expect(await withdrawAttendeeListing(t.db, author.token, exhibitorListing!.id)).toMatchObject({ ok: false });
    expect(await t.db.select().from(listings).where(eq(listings.id, exhibitorListing!.id))).toHaveLength(1);
    // A forged or altered token names nobody.
    expect(await createAttendeeListing(t.db, `${author.token}x`, need())).toEqual({ ok: false, code: 'author', reason: 'link' });
    expect(await updateAttendeeListing(t.db, 'not-a-token', created.id, need())).toEqual({ ok: false, code: 'author', reason: 'link' });
    const [still] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    expect(still!.title).toEqual({ en: need().title });

    for (const status of ['waitlisted', 'pending', 'cancelled'] as const) {
      const r = await registrant(`status-${status}`);
      await t.db
        .update(registrations)
        .set({ status, waitlistPosition: status === 'waitlisted' ? 999 : null })
        .where(eq(registrations.id, r.id));
      expect(await createAttendeeListing(t.db, r.token, need())).toEqual({ ok: false, code: 'author', reason: status });
    }
    // The negative control: the same registration confirmed again may post.
    const back = await registrant('status-back');
    await t.db.update(registrations).set({ status: 'waitlisted', waitlistPosition: 998 }).where(eq(registrations.id, back.id));
    expect((await createAttendeeListing(t.db, back.token, need())).ok).toBe(false);
    await t.db.update(registrations).set({ status: 'confirmed', waitlistPosition: null }).where(eq(registrations.id, back.id));
    expect((await createAttendeeListing(t.db, back.token, need())).ok).toBe(true);

    // An archived edition's directory is closed: nothing is posted or changed, by anyone confirmed.
    const [mine] = await t.db.select({ id: listings.id }).from(listings).where(eq(listings.authorRegistrationId, back.id));
    await t.db.update(events).set({ status: 'archived' }).where(eq(events.id, eventId));
    try {
      expect(await createAttendeeListing(t.db, back.token, need())).toEqual({ ok: false, code: 'author', reason: 'archived' });
      expect(await updateAttendeeListing(t.db, back.token, mine!.id, need())).toEqual({ ok: false, code: 'author', reason: 'archived' });
    } finally {
      await t.db.update(events).set({ status: 'published' }).where(eq(events.id, eventId));
    }
  });

  it("a meeting asked about an attendee's listing goes to its author, who is mailed; a cancelled author's listing leaves the directory", async () => {
    const author = await registrant('meet-author', { mode: 'in_person', venue: 'bangkok' });
    const asker = await registrant('meet-asker', { mode: 'in_person', venue: 'bangkok' });
    expect((await saveMatchmakingProfile(t.db, asker.id, { sectors: ['new-energy'], interests: 'desalination' })).ok).toBe(true);
    const created = await createAttendeeListing(t.db, author.token, need());
    if (!created.ok) throw new Error(JSON.stringify(created));
    // Unpublished: nobody may ask about it yet.
    const slot = await createMeetingSlot(t.db, organiser, EVENT, {
      venueId: (await venueBySlug(t.db, 'bangkok')).id,
      label: 'Attendee listing',
      date: '2026-12-27',
      start: '10:00',
      end: '10:30',
      tables: 2,
    });
    if (!slot.ok) throw new Error(JSON.stringify(slot));
    const ask = { with: `listing:${created.id}`, slotId: slot.id, message: 'About your need' };
    expect(await requestMeeting(t.db, asker.id, ask, { now })).toMatchObject({ ok: false, fields: { with: 'meetingWith' } });
    expect((await moderateListing(t.db, organiser, EVENT, created.id, 'publish', now)).ok).toBe(true);

    // The visitor's pasted manage link leads to their own meetings page, set on the listing.
    expect(
      await meetingsPathFromLink(t.db, eventId, { link: `https://forum.example/manage/${asker.token}`, with: `listing:${created.id}` }),
    ).toBe(`/manage/${encodeURIComponent(asker.token)}/meetings?with=${encodeURIComponent(`listing:${created.id}`)}#request`);
    expect(await meetingsPathFromLink(t.db, otherEventId, { link: `/manage/${asker.token}`, with: `listing:${created.id}` })).toBeNull();
    expect(await meetingsPathFromLink(t.db, eventId, { link: '/manage/forged', with: `listing:${created.id}` })).toBeNull();

    const asked = await requestMeeting(t.db, asker.id, ask, { now });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, asked.id));
    expect(m).toMatchObject({ inviteeId: author.id, requesterId: asker.id, listingId: created.id, exhibitorId: null });
    const mails = await t.db.select({ kind: outbox.kind, to: outbox.toAddress }).from(outbox).where(eq(outbox.registrationId, author.id));
    expect(mails).toContainEqual({ kind: 'meeting.requested', to: 'meet-author@example.org' });
    // The author cannot ask about their own listing.
    expect((await saveMatchmakingProfile(t.db, author.id, { sectors: ['new-energy'], interests: '' })).ok).toBe(true);
    const self = await requestMeeting(t.db, author.id, { ...ask, message: '' }, { now });
    expect(self).toMatchObject({ ok: false, fields: { with: 'meetingSelf' } });

    await t.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, author.id));
    expect((await publishedListings(t.db, eventId)).map((l) => l.id)).not.toContain(created.id);
  });
});

describe('listings presented in a session', () => {
  it('links published listings of the event in order, read live; refuses other events, unpublished ones, other session kinds and non-organisers', async () => {
    const session = await sessionBySlug(t.db, 'promotion-traditional-medicine');
    const author = await registrant('presenter');
    const attendeeListing = await createAttendeeListing(t.db, author.token, need());
    if (!attendeeListing.ok) throw new Error(JSON.stringify(attendeeListing));
    const published = (await publishedListings(t.db, eventId)).map((l) => l.id);
    const [otherEventListing] = await publishedListings(t.db, otherEventId);

    // Pending (not yet moderated): refused.
    expect(await saveSessionListings(t.db, organiser, EVENT, session, { listingIds: [attendeeListing.id] })).toMatchObject({
      ok: false,
      fields: { listingIds: 'sessionListing' },
    });
    // Another event's published listing: refused, and nothing of the choice is kept.
    expect(await saveSessionListings(t.db, organiser, EVENT, session, { listingIds: [published[0], otherEventListing!.id] })).toMatchObject(
      { ok: false, fields: { listingIds: 'sessionListing' } },
    );
    expect(await t.db.select().from(sessionListings).where(eq(sessionListings.sessionId, session))).toHaveLength(0);
    // A session of another kind (a keynote) presents none.
    const keynote = await sessionBySlug(t.db, 'opening-ceremony').catch(() => null);
    if (keynote)
      expect(await saveSessionListings(t.db, organiser, EVENT, keynote, { listingIds: [published[0]] })).toMatchObject({
        ok: false,
        fields: { listingIds: 'sessionListingKind' },
      });
    // A session id of another event is not found through this event.
    const otherSession = await sessionBySlug(t.db, 'promotion-traditional-medicine', OTHER);
    expect(await saveSessionListings(t.db, organiser, EVENT, otherSession, { listingIds: [] })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    // Someone who is not the event's organiser.
    const stranger = await actorFor(t.db, 'org.other-forum@forum.test', { eventSlug: OTHER, role: 'organiser' });
    await expect(saveSessionListings(t.db, stranger, EVENT, session, { listingIds: [published[0]] })).rejects.toBeInstanceOf(
      AuthorizationError,
    );

    expect((await moderateListing(t.db, organiser, EVENT, attendeeListing.id, 'publish', now)).ok).toBe(true);
    const chosen = [attendeeListing.id, published[1]!, published[0]!];
    const saved = await saveSessionListings(t.db, organiser, EVENT, session, { listingIds: [...chosen, attendeeListing.id] });
    expect(saved.ok).toBe(true);
    expect((await presentedListings(t.db, session)).map((l) => l.id)).toEqual(chosen);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.listings'), eq(auditLog.entityId, session)));
    expect(audits).toHaveLength(1);

    // Read live: a listing taken down leaves the session page at once, without publishing the agenda.
    expect((await moderateListing(t.db, organiser, EVENT, attendeeListing.id, 'reject', now)).ok).toBe(true);
    expect((await presentedListings(t.db, session)).map((l) => l.id)).toEqual([published[1], published[0]]);
    // Withdrawn by its author: the link goes with it.
    expect((await withdrawAttendeeListing(t.db, author.token, attendeeListing.id)).ok).toBe(true);
    expect(await t.db.select().from(sessionListings).where(eq(sessionListings.listingId, attendeeListing.id))).toHaveLength(0);
  });

  it('the database refuses a listing with two authors or none', async () => {
    const author = await registrant('two-authors');
    const [exhibitorListing] = await t.db
      .select()
      .from(listings)
      .where(and(eq(listings.eventId, eventId), sql`${listings.exhibitorId} is not null`))
      .limit(1);
    await expect(
      t.db.update(listings).set({ authorRegistrationId: author.id }).where(eq(listings.id, exhibitorListing!.id)),
    ).rejects.toThrow();
    await expect(t.db.update(listings).set({ exhibitorId: null }).where(eq(listings.id, exhibitorListing!.id))).rejects.toThrow();
  });
});
