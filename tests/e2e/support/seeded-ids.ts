import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  attendeeCategories,
  categoryInvitationCodes,
  events,
  exhibitors,
  listings,
  liveStageLinks,
  outbox,
  outcomes,
  registrations,
  registrationSessions,
  sessions,
  speakers,
  venues,
} from '@/db/schema';
import type { Db } from '@/db/types';
import { upsertUser } from '@/lib/auth/users';
import { stagePath } from '@/lib/live/stage';
import { joinToken } from '@/lib/livestream/join-token';
import { emailChangeToken } from '@/lib/registration/email-change';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { e2ePort } from '../../helpers/e2e-ports';
import { OTHER_EVENT, PAST_ATTENDEE, PAST_EVENT, PASSWORD } from '../fixtures';
import { seedPlayerFixture } from './player-fixture';

/**
 * The ids and attendee links browser tests need, read from the seeded database by the e2e server
 * before it starts (the tests cannot open an embedded database the server holds). Manage and join
 * links are made from the registrations' ids with the server's own secret, as the mails make them:
 * the registration API does not hand them out.
 */
export type SeededIds = {
  slug: string;
  sessionId: string;
  sessionSlug: string;
  speakerId: string;
  speakerSlug: string;
  venueId: string;
  /** The demo's Government delegate category (invitation only, with approval) and its demo code. */
  categoryId: string;
  categoryCode: string;
  /** An approved demo exhibitor (public page) and its id (the organiser's edit page). */
  exhibitorId: string;
  exhibitorSlug: string;
  /** The demo's listing waiting for moderation. */
  listingId: string;
  publishedListingId: string;
  /** A demo outcome (the organiser's edit page). */
  outcomeId: string;
  registrationId: string;
  mailId: string;
  /** A confirmed in-person registrant at Nanning with sessions: the inventory's manage page. */
  inPersonManagePath: string;
  /** An online registrant with a confirmed streamed session: manage page and join page. */
  onlineManagePath: string;
  joinPath: string;
  /** The online registrant's link to confirm a new address (the mail to the new address carries it). */
  emailChangePath: string;
  /** The same registrant's live room (questions and polls) for that session. */
  livePath: string;
  /** A venue screen's stage display for `sessionId` (a stage link made here, as a moderator would). */
  stagePath: string;
  /** Another in-person registrant, whom the keyboard journey changes and cancels. */
  keyboardManagePath: string;
  keyboardName: string;
  /** The past forum's checked-in attendee (a Chinese name): their manage page offers the certificate. */
  pastManagePath: string;
  /** A join page that is live, with interpretation channels on tests/e2e/player.spec.ts's HLS server. */
  playerJoinPath: string;
};

/** The demo speaker signs in with this password in browser tests (the demo itself mails a link). */
export const speakerAccount = { email: 'li-wei@speakers.hybrid-forum.example', password: PASSWORD };

function seededIdsFile(): string {
  return path.join(os.tmpdir(), `hybrid-forum-e2e-${e2ePort()}-ids.json`);
}

async function confirmedInPerson(db: Db, eventId: string, venueSlug: string) {
  return db
    .select({ id: registrations.id, name: registrations.name })
    .from(registrations)
    .innerJoin(venues, eq(venues.id, registrations.venueId))
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(venues.slug, venueSlug),
        eq(registrations.status, 'confirmed'),
        sql`exists (select 1 from ${registrationSessions} rs where rs.registration_id = ${registrations.id} and rs.status = 'confirmed')`,
      ),
    )
    .orderBy(asc(registrations.createdAt));
}

export async function recordSeededIds(db: Db, slug: string): Promise<SeededIds> {
  await upsertUser(db, { email: speakerAccount.email, password: speakerAccount.password });
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  if (!event) throw new Error(`No event ${slug}`);
  const [session] = await db
    .select({ id: sessions.id, slug: sessions.slug })
    .from(sessions)
    .where(and(eq(sessions.eventId, event.id), eq(sessions.slug, 'panel-innovation-corridor')));
  const [speaker] = await db
    .select({ id: speakers.id, slug: speakers.slug })
    .from(speakers)
    .where(and(eq(speakers.eventId, event.id), eq(speakers.slug, 'li-wei')));
  const [venue] = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.eventId, event.id), eq(venues.slug, 'nanning')));
  const [exhibitor] = await db
    .select({ id: exhibitors.id, slug: exhibitors.slug })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, event.id), eq(exhibitors.slug, 'siam-medtech')));
  const [listing] = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.eventId, event.id), eq(listings.status, 'pending')));
  // A published listing the demo's promotion session presents: what "Request a meeting" opens.
  const [presented] = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.eventId, event.id), eq(listings.status, 'published')))
    .orderBy(asc(listings.createdAt), asc(listings.id))
    .limit(1);
  const [mail] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.eventId, event.id))
    .orderBy(asc(outbox.createdAt))
    .limit(1);
  const [category] = await db
    .select({ id: attendeeCategories.id, code: categoryInvitationCodes.code })
    .from(attendeeCategories)
    .innerJoin(categoryInvitationCodes, eq(categoryInvitationCodes.categoryId, attendeeCategories.id))
    .where(and(eq(attendeeCategories.eventId, event.id), eq(attendeeCategories.visibility, 'invitation')))
    .orderBy(asc(attendeeCategories.position))
    .limit(1);
  const [inPerson, keyboard] = await confirmedInPerson(db, event.id, 'nanning');
  const [online] = await db
    .select({ id: registrations.id, sessionId: registrationSessions.sessionId, sequence: registrations.sequence })
    .from(registrations)
    .innerJoin(registrationSessions, eq(registrationSessions.registrationId, registrations.id))
    .innerJoin(sessions, eq(sessions.id, registrationSessions.sessionId))
    .where(
      and(
        eq(registrations.eventId, event.id),
        eq(registrations.mode, 'online'),
        eq(registrations.status, 'confirmed'),
        eq(registrationSessions.status, 'confirmed'),
        eq(sessions.streamed, true),
      ),
    )
    .orderBy(asc(registrations.createdAt))
    .limit(1);
  const [outcome] = await db
    .select({ id: outcomes.id })
    .from(outcomes)
    .where(eq(outcomes.eventId, event.id))
    .orderBy(asc(outcomes.signedOn), asc(outcomes.createdAt))
    .limit(1);
  const [past] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(events.slug, PAST_EVENT), eq(registrations.name, PAST_ATTENDEE)));
  if (
    !past ||
    !session ||
    !speaker ||
    !venue ||
    !category ||
    !exhibitor ||
    !listing ||
    !presented ||
    !outcome ||
    !mail ||
    !inPerson ||
    !keyboard ||
    !online
  )
    throw new Error('The demo seed lacks what the browser tests visit');
  const ids: SeededIds = {
    slug,
    sessionId: session.id,
    sessionSlug: session.slug,
    speakerId: speaker.id,
    speakerSlug: speaker.slug,
    venueId: venue.id,
    categoryId: category.id,
    categoryCode: category.code,
    exhibitorId: exhibitor.id,
    exhibitorSlug: exhibitor.slug,
    listingId: listing.id,
    publishedListingId: presented.id,
    outcomeId: outcome.id,
    registrationId: inPerson.id,
    mailId: mail.id,
    inPersonManagePath: `/manage/${manageTokenFor(inPerson.id)}`,
    onlineManagePath: `/manage/${manageTokenFor(online.id)}`,
    joinPath: `/join/${joinToken(online.id, online.sessionId)}`,
    emailChangePath: `/manage/email/${emailChangeToken(online.id, online.sequence, 'new.inventory@example.org', new Date(Date.now() + 7 * 86_400_000))}`,
    livePath: `/live/${joinToken(online.id, online.sessionId)}`,
    stagePath: await seededStagePath(db, session.id),
    keyboardManagePath: `/manage/${manageTokenFor(keyboard.id)}`,
    keyboardName: keyboard.name,
    pastManagePath: `/manage/${manageTokenFor(past.id)}`,
    playerJoinPath: await seedPlayerFixture(db, OTHER_EVENT),
  };
  fs.writeFileSync(seededIdsFile(), JSON.stringify(ids, null, 2));
  return ids;
}

/** One stage link for the session, made once per database (the server seeds each run afresh or keeps its data). */
async function seededStagePath(db: Db, sessionId: string): Promise<string> {
  const [existing] = await db
    .select({ id: liveStageLinks.id })
    .from(liveStageLinks)
    .where(and(eq(liveStageLinks.sessionId, sessionId), eq(liveStageLinks.label, 'e2e stage'), isNull(liveStageLinks.revokedAt)));
  const id =
    existing?.id ?? (await db.insert(liveStageLinks).values({ sessionId, label: 'e2e stage' }).returning({ id: liveStageLinks.id }))[0]!.id;
  return stagePath(id);
}

/** What the e2e server recorded when it seeded the database the tests run against. */
export function seededIds(): SeededIds {
  return JSON.parse(fs.readFileSync(seededIdsFile(), 'utf8')) as SeededIds;
}
