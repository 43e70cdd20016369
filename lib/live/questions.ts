import { and, desc, eq, sql } from 'drizzle-orm';
import { liveQuestions, liveQuestionVotes, liveRooms, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, forbidden, invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { takeSharedHit } from '@/lib/security/shared-rate-limit';
import { vmsg } from '@/lib/validation/message';
import type { Moderation } from './moderation';
import type { Hold } from './question-filter';
import { askInputSchema } from './question-input';
import { isModerator, liveEntitlement } from './access';
import { questionFilters } from './blocklist-store';
import { appendEvent, ensureRoom } from './events';
import { heldBy } from './question-filter';

export { type AskInput, askInputSchema } from './question-input';

/** Questions one person may ask per window, counted in the database so every instance shares it. */
export const ASK_LIMIT = { limit: 5, windowMs: 60_000 };

export type QuestionRow = typeof liveQuestions.$inferSelect;

/**
 * An attendee asks. Refused unless entitled, while the room takes questions, within the rate limit.
 * A question a filter matches (the event's blocklist) is stored all the same, held for the
 * moderators with what matched; its asker sees it awaiting moderation, as any new question.
 */
export async function askQuestion(db: Db, registrationId: string, sessionId: string, raw: unknown): Promise<Result<{ id: string }>> {
  const entitled = await liveEntitlement(db, registrationId, sessionId);
  if (!entitled.ok) return forbidden('You cannot take part in this session’s questions');
  const parsed = askInputSchema.safeParse(raw);
  if (!parsed.success) return invalid({ body: parsed.error.issues[0]?.message ?? vmsg('invalid') });
  const room = await ensureRoom(db, sessionId);
  if (!room.questionsOpen) return conflict('Questions are closed for this session');
  const verdict = await takeSharedHit(db, `live-ask:${registrationId}`, ASK_LIMIT);
  if (!verdict.allowed)
    return { ok: false, code: 'rate-limited', error: 'Too many questions; wait a moment', retryAfterSeconds: verdict.retryAfterSeconds };
  const hold = heldBy(await questionFilters(db, sessionId), parsed.data.body);
  const id = await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ open: liveRooms.questionsOpen })
      .from(liveRooms)
      .where(eq(liveRooms.sessionId, sessionId))
      .for('update');
    if (!open?.open) return null;
    const [question] = await tx
      .insert(liveQuestions)
      .values({
        sessionId,
        registrationId,
        body: parsed.data.body,
        anonymous: parsed.data.anonymous,
        heldFilter: hold?.filter ?? null,
        heldTerm: hold?.term ?? null,
      })
      .returning({ id: liveQuestions.id });
    await appendEvent(tx, sessionId, 'question', question!.id);
    return question!.id;
  });
  if (!id) return conflict('Questions are closed for this session');
  return ok({ id });
}

/** One upvote per registration and question: the primary key refuses a second one, under any concurrency. */
export async function upvoteQuestion(db: Db, registrationId: string, questionId: string): Promise<Result<{ counted: boolean }>> {
  const [question] = await db.select().from(liveQuestions).where(eq(liveQuestions.id, questionId));
  if (!question) return notFound('No such question');
  const entitled = await liveEntitlement(db, registrationId, question.sessionId);
  if (!entitled.ok) return forbidden('You cannot take part in this session’s questions');
  if (question.status !== 'approved') return notFound('No such question');
  const counted = await db.transaction(async (tx) => {
    const added = await tx.insert(liveQuestionVotes).values({ questionId, registrationId }).onConflictDoNothing().returning();
    if (!added.length) return false;
    await tx
      .update(liveQuestions)
      .set({ votes: sql`${liveQuestions.votes} + 1` })
      .where(eq(liveQuestions.id, questionId));
    await appendEvent(tx, question.sessionId, 'question', questionId);
    return true;
  });
  return ok({ counted });
}

export { MODERATIONS, type Moderation } from './moderation';

/** A moderator (an organiser or the session's speaker) acts on a question. */
export async function moderateQuestion(db: Db, actor: Actor | null, questionId: string, action: Moderation): Promise<Result> {
  const [question] = await db.select().from(liveQuestions).where(eq(liveQuestions.id, questionId));
  if (!question || !(await isModerator(db, actor, question.sessionId))) return notFound('No such question');
  await db.transaction(async (tx) => {
    const where = eq(liveQuestions.id, questionId);
    if (action === 'approve') await tx.update(liveQuestions).set({ status: 'approved' }).where(where);
    if (action === 'hide') await tx.update(liveQuestions).set({ status: 'hidden', highlighted: false }).where(where);
    if (action === 'answer' || action === 'unanswer')
      await tx
        .update(liveQuestions)
        .set({ answered: action === 'answer' })
        .where(where);
    if (action === 'unhighlight') await tx.update(liveQuestions).set({ highlighted: false }).where(where);
    if (action === 'highlight') {
      await tx.select().from(liveRooms).where(eq(liveRooms.sessionId, question.sessionId)).for('update');
      const previous = await tx
        .update(liveQuestions)
        .set({ highlighted: false })
        .where(and(eq(liveQuestions.sessionId, question.sessionId), eq(liveQuestions.highlighted, true)))
        .returning({ id: liveQuestions.id });
      for (const p of previous) if (p.id !== questionId) await appendEvent(tx, question.sessionId, 'question', p.id);
      // Highlighting shows a question on the stage: it is approved by doing so.
      await tx.update(liveQuestions).set({ highlighted: true, status: 'approved' }).where(where);
    }
    await appendEvent(tx, question.sessionId, 'question', questionId);
  });
  return ok();
}

/** A moderator closes (or opens again) the room to new questions. */
export async function setQuestionsOpen(db: Db, actor: Actor | null, sessionId: string, open: boolean): Promise<Result> {
  if (!(await isModerator(db, actor, sessionId))) return notFound('No such session');
  await ensureRoom(db, sessionId);
  await db.transaction(async (tx) => {
    await tx.update(liveRooms).set({ questionsOpen: open }).where(eq(liveRooms.sessionId, sessionId));
    await appendEvent(tx, sessionId, 'room', null);
  });
  return ok();
}

/** How a question looks to each kind of viewer: the asker's name never to others when anonymous, always to moderators. */
export type QuestionView = {
  id: string;
  body: string;
  author: string | null;
  anonymous: boolean;
  status: 'pending' | 'approved' | 'hidden';
  answered: boolean;
  highlighted: boolean;
  votes: number;
  /** Why a filter held it on arrival (moderators only; null for everyone else). */
  held?: Hold | null;
  mine: boolean;
  voted: boolean;
  createdAt: string;
};
export type QuestionUpdate = QuestionView | { id: string; removed: true };

export type Viewer = { kind: 'attendee'; registrationId: string } | { kind: 'moderator' } | { kind: 'stage' };

/** The questions of a room with their askers' names (moderators' raw material). */
async function questionRows(db: Db, where: ReturnType<typeof eq>) {
  return db
    .select({ question: liveQuestions, name: registrations.name })
    .from(liveQuestions)
    .innerJoin(registrations, eq(registrations.id, liveQuestions.registrationId))
    .where(where)
    .orderBy(desc(liveQuestions.votes), liveQuestions.createdAt);
}

async function votedBy(db: Db, registrationId: string, sessionId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: liveQuestionVotes.questionId })
    .from(liveQuestionVotes)
    .innerJoin(liveQuestions, eq(liveQuestions.id, liveQuestionVotes.questionId))
    .where(and(eq(liveQuestionVotes.registrationId, registrationId), eq(liveQuestions.sessionId, sessionId)));
  return new Set(rows.map((r) => r.id));
}

function project(row: { question: QuestionRow; name: string }, viewer: Viewer, voted: Set<string>): QuestionUpdate {
  const q = row.question;
  const mine = viewer.kind === 'attendee' && q.registrationId === viewer.registrationId;
  const visible = viewer.kind === 'moderator' || q.status === 'approved' || (mine && q.status === 'pending');
  if (!visible) return { id: q.id, removed: true };
  const showName = viewer.kind === 'moderator' || !q.anonymous;
  return {
    id: q.id,
    body: q.body,
    author: showName ? row.name : null,
    anonymous: q.anonymous,
    status: q.status as QuestionView['status'],
    answered: q.answered,
    highlighted: q.highlighted,
    votes: q.votes,
    held: viewer.kind === 'moderator' && q.heldTerm !== null ? { filter: q.heldFilter ?? 'blocklist', term: q.heldTerm } : null,
    mine,
    voted: voted.has(q.id),
    createdAt: q.createdAt.toISOString(),
  };
}

/** Every question of the room a viewer may see, most upvoted first. */
export async function roomQuestions(db: Db, sessionId: string, viewer: Viewer): Promise<QuestionView[]> {
  const rows = await questionRows(db, eq(liveQuestions.sessionId, sessionId));
  const voted = viewer.kind === 'attendee' ? await votedBy(db, viewer.registrationId, sessionId) : new Set<string>();
  return rows.map((row) => project(row, viewer, voted)).filter((q): q is QuestionView => !('removed' in q));
}

/** One question as read once for every viewer: its row with the asker's name (null when gone), and who upvoted it. */
export type QuestionRead = { row: { question: QuestionRow; name: string } | null; voters: Set<string> };

export async function readQuestion(db: Db, questionId: string): Promise<QuestionRead> {
  const [[row], votes] = await Promise.all([
    questionRows(db, eq(liveQuestions.id, questionId)),
    db
      .select({ registrationId: liveQuestionVotes.registrationId })
      .from(liveQuestionVotes)
      .where(eq(liveQuestionVotes.questionId, questionId)),
  ]);
  return { row: row ?? null, voters: new Set(votes.map((v) => v.registrationId)) };
}

/** A question read as one viewer sees it (an event's payload), or its removal from their view. */
export function viewQuestion(read: QuestionRead, questionId: string, viewer: Viewer): QuestionUpdate {
  if (!read.row) return { id: questionId, removed: true };
  const voted = viewer.kind === 'attendee' && read.voters.has(viewer.registrationId) ? new Set([questionId]) : new Set<string>();
  return project(read.row, viewer, voted);
}
