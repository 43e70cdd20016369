import { and, eq } from 'drizzle-orm';
import { events, exhibitorStaff, exhibitors, registrations, speakers, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { registerDelegation } from '@/lib/registration/delegations/register-delegation';
import { demoAccounts } from '@/lib/demo/demo-accounts';
import type { Db } from '@/db/types';
import { grantEventRole, upsertUser } from '@/lib/auth/users';

export const OTHER_EVENT = 'other-forum-e2e';
export const PASSWORD = 'e2e-password-2026';
/** A forum that ended weeks ago, with one attendee checked in at Bangkok: their certificate is ready. */
export const PAST_EVENT = 'past-forum-e2e';
export const PAST_ATTENDEE = '李明华 Li Minghua';

/** People for the authorization matrix, each with a password: one per role that must be refused. */
export const matrixAccounts = {
  attendee: 'attendee@forum.test',
  speaker: 'speaker.matrix@forum.test',
  otherOrganiser: 'organiser@other-forum.test',
  /** A second speaker of the other event, with a record of their own: must not edit the first one's. */
  otherSpeaker: 'speaker2.matrix@forum.test',
  /** Bangkok's venue manager: their venue's agenda, registrations and check-in, nothing of Nanning's. */
  venueManager: 'manager.bangkok@forum.test',
  /** Reads the dashboard and the lists; every write is refused. */
  viewer: 'viewer.matrix@forum.test',
  /** Staff of the demo's Nanning Smart Data: must not read or write Siam MedTech's (the demo staff account's). */
  otherExhibitor: 'staff.matrix@nanning-data.test',
} as const;

/** The other event's speaker records the matrix speakers own (linked to their accounts when seeding). */
export const matrixSpeakerSlugs = { speaker: 'li-wei', otherSpeaker: 'zhang-min' } as const;

/**
 * Adds a second event with its own organiser, an account without any role, and two speaker accounts
 * that each own one speaker record of the second event (linked here, as a magic-link sign-in would:
 * password accounts are not verified, so the portal does not link them by address).
 */
export async function seedMatrixFixtures(db: Db, eventSlug: string): Promise<void> {
  const otherEventId = await seedDemoForum(db, { slug: OTHER_EVENT });
  // Its speakers are other people: they must not share the demo speakers' addresses and portal.
  await db.update(speakers).set({ email: null }).where(eq(speakers.eventId, otherEventId));
  await upsertUser(db, { email: matrixAccounts.attendee, name: 'Plain Attendee', password: PASSWORD });
  const speaker = await upsertUser(db, { email: matrixAccounts.speaker, name: 'Matrix Speaker', password: PASSWORD });
  await grantEventRole(db, { userId: speaker, eventSlug, role: 'speaker' });
  const other = await upsertUser(db, { email: matrixAccounts.otherOrganiser, name: 'Other Organiser', password: PASSWORD });
  await grantEventRole(db, { userId: other, eventSlug: OTHER_EVENT, role: 'organiser' });
  const [bangkok] = await db
    .select({ id: venues.id })
    .from(venues)
    .innerJoin(events, eq(venues.eventId, events.id))
    .where(and(eq(events.slug, eventSlug), eq(venues.slug, 'bangkok')));
  const manager = await upsertUser(db, { email: matrixAccounts.venueManager, name: 'Bangkok Manager', password: PASSWORD });
  await grantEventRole(db, { userId: manager, eventSlug, role: 'venue_manager', venueId: bangkok!.id });
  const viewer = await upsertUser(db, { email: matrixAccounts.viewer, name: 'Matrix Viewer', password: PASSWORD });
  await grantEventRole(db, { userId: viewer, eventSlug, role: 'viewer' });
  const otherExhibitor = await upsertUser(db, { email: matrixAccounts.otherExhibitor, name: 'Nanning Data Staff', password: PASSWORD });
  const [nanningData] = await db
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .innerJoin(events, eq(exhibitors.eventId, events.id))
    .where(and(eq(events.slug, eventSlug), eq(exhibitors.slug, 'nanning-smart-data')));
  await db.insert(exhibitorStaff).values({ exhibitorId: nanningData!.id, userId: otherExhibitor }).onConflictDoNothing();
  const otherSpeaker = await upsertUser(db, { email: matrixAccounts.otherSpeaker, name: 'Second Speaker', password: PASSWORD });
  for (const [account, userId, slug] of [
    [matrixAccounts.speaker, speaker, matrixSpeakerSlugs.speaker],
    [matrixAccounts.otherSpeaker, otherSpeaker, matrixSpeakerSlugs.otherSpeaker],
  ] as const) {
    await db
      .update(speakers)
      .set({ email: account, userId })
      .where(and(eq(speakers.eventId, otherEventId), eq(speakers.slug, slug)));
    await grantEventRole(db, { userId, eventSlug: OTHER_EVENT, role: 'speaker' });
  }
}

/**
 * The past forum (seeded as it was two months ago, so it ended about four weeks ago) and its one
 * attendee, registered while it was open and checked in on its first day: a certificate holder.
 * The demo organiser organises it.
 */
export async function seedPastForum(db: Db): Promise<void> {
  const then = new Date(Date.now() - 60 * 86_400_000);
  const eventId = await seedDemoForum(db, { slug: PAST_EVENT, now: then });
  const registered = await registerAttendee(
    db,
    PAST_EVENT,
    {
      name: PAST_ATTENDEE,
      email: 'li.minghua@past-forum.test',
      organisation: 'Guangxi University',
      jobTitle: 'Researcher',
      country: 'CN',
      participantType: 'young_scientist',
      mode: 'in_person',
      venue: 'bangkok',
      sessions: [],
      locale: 'zh',
      consent: true,
    },
    { now: new Date(then.getTime() + 86_400_000) },
  );
  if (!registered.ok) throw new Error(`The past forum's attendee was not registered: ${JSON.stringify(registered)}`);
  const [event] = await db.select({ startsAt: events.startsAt }).from(events).where(eq(events.id, eventId));
  await db
    .update(registrations)
    .set({ status: 'checked_in', checkedInAt: new Date(event!.startsAt.getTime() + 2 * 3_600_000) })
    .where(eq(registrations.id, registered.registration.id));
  // The demo organiser organises it too: they send its certificates by mail (documents.spec.ts).
  const organiser = await upsertUser(db, { email: demoAccounts.organiser.email });
  await grantEventRole(db, { userId: organiser, eventSlug: PAST_EVENT, role: 'organiser' });
}

/** A delegation of three at Bangkok, none checked in: the desk checks them in at once (check-in-desk.spec.ts). */
export const DESK_DELEGATION = { name: 'คณะผู้แทน สวทช.', family: 'วงศ์ไทยดี', head: 'ประเสริฐ วงศ์ไทยดี', size: 3 } as const;

export async function seedDeskDelegation(db: Db, eventSlug: string): Promise<void> {
  const result = await registerDelegation(db, eventSlug, {
    name: DESK_DELEGATION.head,
    email: 'prasert@delegation-e2e.test',
    organisation: 'NSTDA',
    jobTitle: 'Director',
    country: 'TH',
    participantType: 'research_institute',
    mode: 'in_person',
    venue: 'bangkok',
    sessions: [],
    locale: 'th',
    consent: true,
    delegation: { name: DESK_DELEGATION.name, country: 'TH', agency: 'NSTDA' },
    members: [
      { name: `สมศรี ${DESK_DELEGATION.family}`, email: 'somsri@delegation-e2e.test' },
      { name: `อนันต์ ${DESK_DELEGATION.family}`, email: 'anan@delegation-e2e.test' },
    ],
  });
  if (!result.ok) throw new Error(`The desk's delegation was not registered: ${JSON.stringify(result)}`);
}
