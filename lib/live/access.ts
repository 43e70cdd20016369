import { and, eq, inArray } from 'drizzle-orm';
import { liveStageLinks, registrationSessions, registrations, sessions, sessionSpeakers, speakers, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { hasEventRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { streamEntitlement } from '@/lib/livestream/entitlement';
import { hasStreamGrant } from '@/lib/livestream/grants';
import { mac, macMatches } from '@/lib/security/signing';
import { MODERATING_ROLES } from './moderation';

export type LiveRefusal = 'not-found' | 'cancelled' | 'not-chosen' | 'session-cancelled';

/**
 * Whether a registration may take part in a session's live room (see its questions, ask, upvote,
 * vote): the people the livestream is for (online registrants who chose it, anyone granted stream
 * access), and in-person registrants who chose it (the audiences in the venue and the branch venues
 * it is relayed to). Checked against the database on every use, so a cancellation bites at once.
 */
export async function liveEntitlement(
  db: Db,
  registrationId: string,
  sessionId: string,
): Promise<{ ok: true; registrationId: string; sessionId: string; eventId: string; name: string } | { ok: false; reason: LiveRefusal }> {
  const stream = await streamEntitlement(db, registrationId, sessionId);
  if (stream.entitled) return { ok: true, registrationId, sessionId, eventId: stream.event.id, name: stream.registration.name };
  if (stream.reason === 'not-found' || stream.reason === 'cancelled' || stream.reason === 'session-cancelled')
    return { ok: false, reason: stream.reason };
  const [row] = await db
    .select({ registration: registrations, sessionStatus: sessions.status, chosen: registrationSessions.status })
    .from(registrations)
    .innerJoin(sessions, and(eq(sessions.id, sessionId), eq(sessions.eventId, registrations.eventId)))
    .leftJoin(
      registrationSessions,
      and(eq(registrationSessions.registrationId, registrations.id), eq(registrationSessions.sessionId, sessions.id)),
    )
    .where(eq(registrations.id, registrationId));
  if (!row) return { ok: false, reason: 'not-found' };
  if (row.sessionStatus === 'cancelled') return { ok: false, reason: 'session-cancelled' };
  if (row.registration.status !== 'confirmed' && row.registration.status !== 'checked_in') return { ok: false, reason: 'cancelled' };
  const granted = await hasStreamGrant(db, row.registration.eventId, row.registration.email);
  if (row.chosen !== 'confirmed' && !granted) return { ok: false, reason: 'not-chosen' };
  return { ok: true, registrationId, sessionId, eventId: row.registration.eventId, name: row.registration.name };
}

/**
 * Whether a signed-in person moderates a session's live room: an organiser of its event, or a speaker
 * of the session (a moderator, host or speaker role) whose speaker record is linked to their account.
 */
export async function isModerator(db: Db, actor: Actor | null, sessionId: string): Promise<boolean> {
  if (!actor) return false;
  const [session] = await db.select({ eventId: sessions.eventId }).from(sessions).where(eq(sessions.id, sessionId));
  if (!session) return false;
  if (await hasEventRole(db, actor, session.eventId, ['organiser'])) return true;
  // Not an organiser: a speaker of the session, perhaps.
  const [speaker] = await db
    .select({ id: speakers.id })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(
      and(
        eq(sessionSpeakers.sessionId, sessionId),
        eq(speakers.userId, actor.userId),
        inArray(sessionSpeakers.role, [...MODERATING_ROLES]),
      ),
    );
  return Boolean(speaker);
}

/** Whether a stage link still shows its session (it exists and was not revoked). */
export async function stageLinkSession(db: Db, linkId: string): Promise<string | null> {
  const [link] = await db.select().from(liveStageLinks).where(eq(liveStageLinks.id, linkId));
  return link && !link.revokedAt ? link.sessionId : null;
}

/**
 * The short-lived credential a live page hands its browser for the event stream and its actions:
 * who (an attendee's registration, a moderator's user id, or a stage link), which session, and until
 * when. It grants nothing alone: every use checks the signature and expiry, then the database again.
 */
export type LiveViewer = { kind: 'attendee' | 'moderator' | 'stage'; subjectId: string; sessionId: string };
const PURPOSE = 'live-view';
export const LIVE_TOKEN_TTL_SECONDS = 6 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KINDS = { a: 'attendee', m: 'moderator', s: 'stage' } as const;

export function liveToken(viewer: LiveViewer, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + LIVE_TOKEN_TTL_SECONDS;
  const kind = viewer.kind[0];
  const payload = `${kind}.${viewer.subjectId}.${viewer.sessionId}.${expires}`;
  return `${payload}.${mac(PURPOSE, payload)}`;
}

export function readLiveToken(
  token: unknown,
  now = new Date(),
): { ok: true; viewer: LiveViewer } | { ok: false; reason: 'invalid' | 'expired' } {
  if (typeof token !== 'string' || token.length > 300) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 5) return { ok: false, reason: 'invalid' };
  const [kind, subjectId, sessionId, expires, signature] = parts as [string, string, string, string, string];
  if (!(kind in KINDS) || !UUID.test(subjectId) || !UUID.test(sessionId) || !/^\d{1,12}$/.test(expires))
    return { ok: false, reason: 'invalid' };
  if (!macMatches(PURPOSE, parts.slice(0, 4).join('.'), signature)) return { ok: false, reason: 'invalid' };
  if (Number(expires) * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, viewer: { kind: KINDS[kind as keyof typeof KINDS], subjectId, sessionId } };
}

/** Whether the viewer a token names may still see the room (checked on every request and reconnect). */
export async function viewerStillAllowed(db: Db, viewer: LiveViewer): Promise<boolean> {
  if (viewer.kind === 'attendee') return (await liveEntitlement(db, viewer.subjectId, viewer.sessionId)).ok;
  if (viewer.kind === 'stage') return (await stageLinkSession(db, viewer.subjectId)) === viewer.sessionId;
  const [user] = await db.select().from(users).where(eq(users.id, viewer.subjectId));
  if (!user || user.disabledAt) return false;
  return isModerator(
    db,
    {
      userId: user.id,
      email: user.email,
      name: user.name,
      isPlatformAdmin: user.isPlatformAdmin,
      canCreateEvents: user.canCreateEvents,
      sessionToken: '',
    },
    viewer.sessionId,
  );
}
