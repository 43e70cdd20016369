import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { livePollBallots, livePolls } from '@/db/schema';
import { POLL_OPTIONS_MAX } from './limits';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, forbidden, invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { pollInputSchema } from './poll-input';
import { isModerator, liveEntitlement } from './access';
import { appendEvent } from './events';

export { type PollInput, pollInputSchema } from './poll-input';

/** A moderator opens a poll in a session's room. */
export async function openPoll(db: Db, actor: Actor | null, sessionId: string, raw: unknown): Promise<Result<{ id: string }>> {
  if (!(await isModerator(db, actor, sessionId))) return notFound('No such session');
  const parsed = pollInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid({ [String(issue?.path[0] ?? 'question')]: issue?.message ?? vmsg('invalid') });
  }
  const id = await db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(livePolls)
      .values({
        sessionId,
        question: parsed.data.question,
        options: parsed.data.options,
        multiple: parsed.data.multiple,
        createdBy: actor!.userId,
      })
      .returning({ id: livePolls.id });
    await appendEvent(tx, sessionId, 'poll', poll!.id);
    return poll!.id;
  });
  return ok({ id });
}

/** A moderator closes a poll: no more ballots, its results stay. */
export async function closePoll(db: Db, actor: Actor | null, pollId: string): Promise<Result> {
  const [poll] = await db.select().from(livePolls).where(eq(livePolls.id, pollId));
  if (!poll || !(await isModerator(db, actor, poll.sessionId))) return notFound('No such poll');
  await db.transaction(async (tx) => {
    await tx.update(livePolls).set({ status: 'closed' }).where(eq(livePolls.id, pollId));
    await appendEvent(tx, poll.sessionId, 'poll', pollId);
  });
  return ok();
}

export const ballotSchema = z.object({
  choices: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(POLL_OPTIONS_MAX - 1),
    )
    .min(1, vmsg('choose')),
});

/** One ballot per registration and poll, held by the primary key: a second one is refused, under any concurrency. */
export async function votePoll(db: Db, registrationId: string, pollId: string, raw: unknown): Promise<Result> {
  const [poll] = await db.select().from(livePolls).where(eq(livePolls.id, pollId));
  if (!poll) return notFound('No such poll');
  const entitled = await liveEntitlement(db, registrationId, poll.sessionId);
  if (!entitled.ok) return forbidden('You cannot take part in this session’s polls');
  const parsed = ballotSchema.safeParse(raw);
  if (!parsed.success) return invalid({ choices: vmsg('choose') });
  const choices = [...new Set(parsed.data.choices)];
  if (choices.some((c) => c >= poll.options.length) || (!poll.multiple && choices.length !== 1))
    return invalid({ choices: vmsg('choose') });
  if (poll.status !== 'open') return conflict('This poll is closed');
  const counted = await db.transaction(async (tx) => {
    const [open] = await tx.select({ status: livePolls.status }).from(livePolls).where(eq(livePolls.id, pollId)).for('update');
    if (open?.status !== 'open') return 'closed' as const;
    const added = await tx.insert(livePollBallots).values({ pollId, registrationId, choices }).onConflictDoNothing().returning();
    if (!added.length) return 'again' as const;
    await appendEvent(tx, poll.sessionId, 'poll', pollId);
    return 'counted' as const;
  });
  if (counted === 'closed') return conflict('This poll is closed');
  if (counted === 'again') return conflict('You have already voted in this poll');
  return ok();
}

export type PollView = {
  id: string;
  question: string;
  options: string[];
  multiple: boolean;
  status: 'open' | 'closed';
  counts: number[];
  ballots: number;
  mine: number[] | null;
};

async function pollView(db: Db, poll: typeof livePolls.$inferSelect, registrationId: string | null): Promise<PollView> {
  const rows = await db.execute(
    sql`select c as choice, count(*)::int as n from ${livePollBallots}, unnest(${livePollBallots.choices}) as c where ${livePollBallots.pollId} = ${poll.id} group by c`,
  );
  const [{ ballots } = { ballots: 0 }] = await db
    .select({ ballots: sql<number>`count(*)::int` })
    .from(livePollBallots)
    .where(eq(livePollBallots.pollId, poll.id));
  const counts = poll.options.map(() => 0);
  for (const row of resultRows<{ choice: number; n: number }>(rows)) counts[Number(row.choice)] = Number(row.n);
  let mine: number[] | null = null;
  if (registrationId) {
    const [ballot] = await db
      .select({ choices: livePollBallots.choices })
      .from(livePollBallots)
      .where(and(eq(livePollBallots.pollId, poll.id), eq(livePollBallots.registrationId, registrationId)));
    mine = ballot?.choices ?? null;
  }
  return {
    id: poll.id,
    question: poll.question,
    options: poll.options,
    multiple: poll.multiple,
    status: poll.status as PollView['status'],
    counts,
    ballots,
    mine,
  };
}

export async function pollUpdate(db: Db, pollId: string, registrationId: string | null): Promise<PollView | { id: string; removed: true }> {
  const [poll] = await db.select().from(livePolls).where(eq(livePolls.id, pollId));
  return poll ? pollView(db, poll, registrationId) : { id: pollId, removed: true };
}

export async function roomPolls(db: Db, sessionId: string, registrationId: string | null): Promise<PollView[]> {
  const polls = await db.select().from(livePolls).where(eq(livePolls.sessionId, sessionId)).orderBy(asc(livePolls.createdAt));
  return Promise.all(polls.map((poll) => pollView(db, poll, registrationId)));
}
