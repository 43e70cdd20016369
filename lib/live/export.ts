import { and, eq } from 'drizzle-orm';
import { liveQuestions, registrations, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { AuthorizationError } from '@/lib/auth/authorize';
import { CSV_BOM, csvRecord } from '@/lib/registration/admin/csv';
import { roomPolls } from './polls';

export type LiveExport = { filename: string; body: string };

/** The session, if it is the organiser's event's (anyone else, or another event's session, is refused). */
async function organiserSession(db: Db, actor: Actor | null, slug: string, sessionId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [session] = await db
    .select({ id: sessions.id, slug: sessions.slug })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)));
  // Another event's session, or none: refused as any other thing the organiser may not see.
  if (!session) throw new AuthorizationError('forbidden');
  return { event, session };
}

/**
 * A session's questions after the session, for its organisers: every question (hidden ones too,
 * marked so) with its asker's name even when they asked anonymously (organisers always see it; the
 * column says whether others did), its state and upvotes, times in UTC. Text cells are formula-safe.
 */
export async function exportQuestionsCsv(db: Db, actor: Actor | null, slug: string, sessionId: string): Promise<LiveExport> {
  const { event, session } = await organiserSession(db, actor, slug, sessionId);
  const rows = await db
    .select({ question: liveQuestions, name: registrations.name, email: registrations.email })
    .from(liveQuestions)
    .innerJoin(registrations, eq(registrations.id, liveQuestions.registrationId))
    .where(eq(liveQuestions.sessionId, session.id))
    .orderBy(liveQuestions.createdAt);
  const header = [
    'asked_at_utc',
    'question',
    'asker',
    'asker_email',
    'anonymous_to_others',
    'status',
    'answered',
    'highlighted',
    'upvotes',
  ];
  const lines = rows.map(({ question: q, name, email }) =>
    csvRecord([
      q.createdAt,
      q.body,
      name,
      email,
      q.anonymous ? 'yes' : 'no',
      q.status,
      q.answered ? 'yes' : 'no',
      q.highlighted ? 'yes' : 'no',
      q.votes,
    ]),
  );
  return { filename: `${event.slug}-${session.slug}-questions.csv`, body: CSV_BOM + csvRecord(header) + lines.join('') };
}

/** A session's polls and their results, one line per answer: votes, the poll's ballots, open or closed. */
export async function exportPollsCsv(db: Db, actor: Actor | null, slug: string, sessionId: string): Promise<LiveExport> {
  const { event, session } = await organiserSession(db, actor, slug, sessionId);
  const polls = await roomPolls(db, session.id, null);
  const header = ['poll', 'multiple_choice', 'status', 'ballots', 'answer', 'votes'];
  const lines = polls.flatMap((poll) =>
    poll.options.map((option, index) =>
      csvRecord([poll.question, poll.multiple ? 'yes' : 'no', poll.status, poll.ballots, option, poll.counts[index] ?? 0]),
    ),
  );
  return { filename: `${event.slug}-${session.slug}-polls.csv`, body: CSV_BOM + csvRecord(header) + lines.join('') };
}
