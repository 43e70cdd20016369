import { eq } from 'drizzle-orm';
import { liveBlocklists, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { hasEventRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { blocklistInputSchema } from './blocklist-input';
import { blocklistFilter, cleanTerms } from './blocklist';
import type { QuestionFilter } from './question-filter';

async function eventOf(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ eventId: sessions.eventId }).from(sessions).where(eq(sessions.id, sessionId));
  return row?.eventId ?? null;
}

async function termsOfEvent(db: Db, eventId: string): Promise<string[]> {
  const [row] = await db.select({ terms: liveBlocklists.terms }).from(liveBlocklists).where(eq(liveBlocklists.eventId, eventId));
  return row?.terms ?? [];
}

/** The filters a new question of this session passes: the event's blocklist (add others here). */
export async function questionFilters(db: Db, sessionId: string): Promise<QuestionFilter[]> {
  const eventId = await eventOf(db, sessionId);
  const terms = eventId ? await termsOfEvent(db, eventId) : [];
  return terms.length ? [blocklistFilter(terms)] : [];
}

/**
 * The session's event, when the actor organises it. The list holds for every session of the event, so
 * a speaker who moderates one session may not read or replace it (they hide questions one by one).
 */
async function eventOrganisedBy(db: Db, actor: Actor | null, sessionId: string): Promise<string | null> {
  const eventId = await eventOf(db, sessionId);
  return eventId && (await hasEventRole(db, actor, eventId, ['organiser'])) ? eventId : null;
}

/** The blocklist of the session's event, for an organiser of the event; null for anyone else. */
export async function blocklistForOrganiser(db: Db, actor: Actor | null, sessionId: string): Promise<string[] | null> {
  const eventId = await eventOrganisedBy(db, actor, sessionId);
  return eventId ? termsOfEvent(db, eventId) : null;
}

/**
 * An organiser replaces the event's blocklist from the moderation page of any of its sessions.
 * Applies to questions asked from now on; questions already asked keep their state.
 */
export async function saveBlocklist(db: Db, actor: Actor | null, sessionId: string, raw: unknown): Promise<Result<{ terms: string[] }>> {
  const eventId = await eventOrganisedBy(db, actor, sessionId);
  if (!actor || !eventId) return notFound('No such session');
  const parsed = blocklistInputSchema.safeParse(raw);
  if (!parsed.success) return invalid({ terms: parsed.error.issues[0]?.message ?? vmsg('invalid') });
  const terms = cleanTerms(parsed.data.terms);
  await db
    .insert(liveBlocklists)
    .values({ eventId, terms, updatedBy: actor.userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: liveBlocklists.eventId, set: { terms, updatedBy: actor.userId, updatedAt: new Date() } });
  return ok({ terms });
}
