// A meeting asked of an exhibitor itself (`exhibitor:<id>`, the exhibitor page's "Request a meeting"):
// it reaches the exhibitor's contact person, carries the exhibitor and no listing, and is refused for
// a pending exhibitor, another event's, or one whose contact is not registered; the pasted-link path
// of the public meet page leads to the asker’s own meetings page set on the exhibitor; the organisers’
// overview lists it though the contact has no matchmaking profile.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exhibitors, meetings, outbox, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { approvedExhibitorById } from '@/lib/exhibition/public-exhibitors';
import { meetingsOverview } from '@/lib/meetings/admin/overview';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { myMeetings } from '@/lib/meetings/my-meetings';
import { meetingsPathFromLink } from '@/lib/meetings/open-from-link';
import { participantById } from '@/lib/meetings/participant';
import { proposeMeetingTime } from '@/lib/meetings/propose-time';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const OTHER = 'other-forum';
const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let otherEventId: string;
let organiser: Actor;

async function registrant(tag: string, eventSlug = EVENT) {
  const r = await registerAttendee(
    t.db,
    eventSlug,
    person(tag, { mode: 'in_person', venue: 'bangkok', email: `${tag}@example.org`, name: `Person ${tag}` }),
    { now },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { id: r.registration.id, token: manageTokenFor(r.registration.id) };
}

async function exhibitor(slug: string, contactEmail: string, status: 'approved' | 'pending' = 'approved', inEvent = eventId) {
  const [row] = await t.db
    .insert(exhibitors)
    .values({
      eventId: inEvent,
      slug,
      name: { en: `Exhibitor ${slug}` },
      country: 'TH',
      sectors: ['big-health'],
      contactEmail,
      status,
      approvedAt: status === 'approved' ? now : null,
    })
    .returning({ id: exhibitors.id });
  return row!.id;
}

/** A meeting slot at Bangkok on 27 December, two tables. */
async function bangkokSlot(label: string, start: string, end: string): Promise<{ id: string }> {
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
    label,
    date: '2026-12-27',
    start,
    end,
    tables: 2,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return { id: saved.id };
}

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  otherEventId = await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.exhibitor-request@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

describe(`a meeting asked of an exhibitor (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('reaches its contact person with the exhibitor and no listing; pending, foreign and contactless exhibitors are refused alike', async () => {
    const contact = await registrant('exh-contact');
    const asker = await registrant('exh-asker');
    expect((await saveMatchmakingProfile(t.db, asker.id, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
    const approved = await exhibitor('exh-approved', 'EXH-Contact@example.org');
    const pending = await exhibitor('exh-pending', 'exh-contact@example.org', 'pending');
    const foreign = await exhibitor('exh-foreign', 'exh-contact@example.org', 'approved', otherEventId);
    const unregistered = await exhibitor('exh-nobody', 'nobody@example.org');
    const slot = await bangkokSlot('Exhibitor time', '11:00', '11:30');
    const ask = (id: string) =>
      requestMeeting(t.db, asker.id, { with: `exhibitor:${id}`, slotId: slot.id, message: 'Your booth' }, { now });

    for (const refused of [pending, foreign, unregistered]) {
      expect(await ask(refused)).toMatchObject({ ok: false, fields: { with: 'meetingWith' } });
    }
    // The asker's choices name approved exhibitors with a contact only.
    const choices = (await myMeetings(t.db, (await participantById(t.db, asker.id))!, now)).exhibitors.map((x) => x.id);
    expect(choices).toContain(approved);
    expect(choices).not.toContain(pending);
    expect(choices).not.toContain(foreign);

    const asked = await ask(approved);
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, asked.id));
    expect(m).toMatchObject({ requesterId: asker.id, inviteeId: contact.id, exhibitorId: approved, listingId: null, status: 'pending' });
    const mails = await t.db.select({ kind: outbox.kind, to: outbox.toAddress }).from(outbox).where(eq(outbox.registrationId, contact.id));
    expect(mails).toContainEqual({ kind: 'meeting.requested', to: 'exh-contact@example.org' });
    // The organisers' overview lists it though the contact never opted in (no profile, so no sectors to share).
    const overview = await meetingsOverview(t.db, organiser, EVENT);
    expect(overview.meetings.find((x) => x.id === asked.id)).toMatchObject({
      listingTitle: null,
      sector: null,
      requester: { name: 'Person exh-asker' },
      invitee: { name: 'Person exh-contact' },
    });
    // The contact, still without a profile, proposes another time: the new request is theirs, and the overview lists it too.
    const later = await bangkokSlot('Exhibitor time, later', '15:00', '15:30');
    const proposed = await proposeMeetingTime(t.db, contact.id, asked.id, { slotId: later.id, message: 'After lunch?' }, { now });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    expect((await meetingsOverview(t.db, organiser, EVENT)).meetings.find((x) => x.id === proposed.id)).toMatchObject({
      sector: null,
      requester: { name: 'Person exh-contact' },
      invitee: { name: 'Person exh-asker' },
    });
    // Its venues, for the slot form: the event's, in the programme's order, each with its clock.
    const places = await t.db.select().from(venues).where(eq(venues.eventId, eventId));
    expect(overview.venues).toEqual(
      places.sort((x, y) => x.position - y.position).map((v) => ({ id: v.id, name: v.name, zone: v.timeZone })),
    );
    // The contact sees whom it was asked of.
    const theirs = (await myMeetings(t.db, (await participantById(t.db, contact.id))!, now)).meetings.find((x) => x.id === asked.id);
    expect(theirs?.exhibitorName).toEqual({ en: 'Exhibitor exh-approved' });
    // The contact person cannot ask their own exhibitor.
    expect((await saveMatchmakingProfile(t.db, contact.id, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
    expect(await requestMeeting(t.db, contact.id, { with: `exhibitor:${approved}`, slotId: slot.id, message: '' }, { now })).toMatchObject({
      ok: false,
      fields: { with: 'meetingSelf' },
    });
  });

  it('suggests an exhibitor whose sectors and description fit a participant’s profile, saying why; never to its own contact person', async () => {
    const seeker = await registrant('exh-suggest');
    expect(
      (await saveMatchmakingProfile(t.db, seeker.id, { sectors: ['big-health'], interests: 'xylophonetherapy for quasarlabs' })).ok,
    ).toBe(true);
    const fit = await exhibitor('exh-suggest-fit', 'exh-suggest-contact@example.org');
    await t.db
      .update(exhibitors)
      .set({ description: { en: 'Quasarlabs builds xylophonetherapy kits for clinics.' } })
      .where(eq(exhibitors.id, fit));
    const suggested = (await myMeetings(t.db, (await participantById(t.db, seeker.id))!, now)).suggestions;
    expect(suggested.find((s) => s.key === `exhibitor:${fit}`)?.reasons).toEqual([
      { kind: 'sector', sector: 'big-health' },
      { kind: 'word', word: 'quasarlabs' },
      { kind: 'word', word: 'xylophonetherapy' },
    ]);
    const contact = await registrant('exh-suggest-contact');
    expect(
      (await saveMatchmakingProfile(t.db, contact.id, { sectors: ['big-health'], interests: 'xylophonetherapy for quasarlabs' })).ok,
    ).toBe(true);
    const theirs = (await myMeetings(t.db, (await participantById(t.db, contact.id))!, now)).suggestions.map((s) => s.key);
    expect(theirs).not.toContain(`exhibitor:${fit}`);
  });

  it("the public meet page knows approved exhibitors of the event only, and a pasted manage link opens the asker's page set on the exhibitor", async () => {
    const asker = await registrant('exh-paste');
    const approved = await exhibitor('exh-paste-approved', 'someone@example.org');
    const pending = await exhibitor('exh-paste-pending', 'someone@example.org', 'pending');
    expect((await approvedExhibitorById(t.db, eventId, approved))?.slug).toBe('exh-paste-approved');
    expect(await approvedExhibitorById(t.db, eventId, pending)).toBeUndefined();
    expect(await approvedExhibitorById(t.db, otherEventId, approved)).toBeUndefined();

    const target = `exhibitor:${approved}`;
    expect(await meetingsPathFromLink(t.db, eventId, { link: `https://forum.example/manage/${asker.token}`, with: target })).toBe(
      `/manage/${encodeURIComponent(asker.token)}/meetings?with=${encodeURIComponent(target)}#request`,
    );
    expect(await meetingsPathFromLink(t.db, otherEventId, { link: `/manage/${asker.token}`, with: target })).toBeNull();
    expect(await meetingsPathFromLink(t.db, eventId, { link: `/manage/${asker.token}`, with: `company:${approved}` })).toBeNull();
  });
});
