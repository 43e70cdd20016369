import { and, eq, sql } from 'drizzle-orm';
import { events, registrations, registrationSessions, sessions, streamGrants, venues } from '@/db/schema';
import { preparedPerDb } from '@/db/prepared';
import type { Db } from '@/db/types';
import { type Channel, channelUrl } from './channels';

/** The stream opens this long before a session starts. */
export const STREAM_OPENS_BEFORE_MS = 15 * 60_000;

export type Entitlement =
  | { entitled: false; reason: 'not-found' | 'cancelled' | 'in-person' | 'not-chosen' | 'not-streamed' | 'session-cancelled' }
  | {
      entitled: true;
      registration: typeof registrations.$inferSelect;
      session: typeof sessions.$inferSelect;
      event: typeof events.$inferSelect;
      origin: typeof venues.$inferSelect;
    };

/**
 * The registration, the session, its event and venue, whether the organisers granted the stream and
 * the registrant's standing in the session: one statement (the join storm opens every online
 * registrant's page within a minute, and each redirect checks again), built once per database.
 * Building it for each request was a third of the join page's CPU (bench/README.md, join storm).
 */
const entitlementRow = preparedPerDb((db) =>
  db
    .select({
      registration: registrations,
      session: sessions,
      event: events,
      origin: venues,
      granted: sql<boolean>`exists (select 1 from ${streamGrants} where ${streamGrants.eventId} = ${registrations.eventId} and lower(${streamGrants.email}) = lower(${registrations.email}))`,
      chosen: sql<
        string | null
      >`(select ${registrationSessions.status} from ${registrationSessions} where ${registrationSessions.registrationId} = ${registrations.id} and ${registrationSessions.sessionId} = ${sessions.id})`,
    })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .innerJoin(sessions, and(eq(sessions.id, sql.placeholder('sessionId')), eq(sessions.eventId, registrations.eventId)))
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .where(eq(registrations.id, sql.placeholder('registrationId')))
    .prepare('stream_entitlement'),
);

/**
 * Whether a registration may watch a session's stream right now, checked against the database on
 * every use so a cancelled registration loses access at once. Online registrants may watch the
 * sessions they chose; anyone the organisers granted may watch any streamed session of the event.
 */
export async function streamEntitlement(db: Db, registrationId: string, sessionId: string): Promise<Entitlement> {
  const [row] = await entitlementRow(db).execute({ registrationId, sessionId });
  if (!row) return { entitled: false, reason: 'not-found' };
  const { granted, chosen, ...rows } = row;
  const { registration, session } = rows;
  if (registration.status === 'cancelled') return { entitled: false, reason: 'cancelled' };
  if (!session.streamed || !session.livestreamUrl) return { entitled: false, reason: 'not-streamed' };
  if (session.status === 'cancelled') return { entitled: false, reason: 'session-cancelled' };
  if (!granted) {
    if (registration.mode !== 'online') return { entitled: false, reason: 'in-person' };
    if (chosen !== 'confirmed') return { entitled: false, reason: 'not-chosen' };
  }
  return { entitled: true, ...rows };
}

export type StreamPhase = { phase: 'before'; opensAt: Date } | { phase: 'live' } | { phase: 'ended'; hasRecording: boolean };

export function streamOpensAt(session: { startsAt: Date }): Date {
  return new Date(session.startsAt.getTime() - STREAM_OPENS_BEFORE_MS);
}

export function streamPhase(session: { startsAt: Date; endsAt: Date; recordingUrl: string | null }, now: Date): StreamPhase {
  const opensAt = streamOpensAt(session);
  if (now < opensAt) return { phase: 'before', opensAt };
  if (now <= session.endsAt) return { phase: 'live' };
  return { phase: 'ended', hasRecording: Boolean(session.recordingUrl) };
}

/**
 * Where a verified redirect leads, or null when the registration is no longer entitled, it is not
 * time, or the session has no such channel. Every channel is entitled exactly as the floor is.
 */
export async function streamDestination(
  db: Db,
  registrationId: string,
  sessionId: string,
  target: 'live' | 'recording',
  now = new Date(),
  channel: Channel = 'floor',
): Promise<string | null> {
  const entitlement = await streamEntitlement(db, registrationId, sessionId);
  if (!entitlement.entitled) return null;
  const phase = streamPhase(entitlement.session, now);
  if (target === 'live') return phase.phase === 'live' ? channelUrl(entitlement.session, channel) : null;
  return phase.phase === 'ended' ? entitlement.session.recordingUrl : null;
}
