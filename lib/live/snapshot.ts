import { eq } from 'drizzle-orm';
import { sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import type { LiveViewer } from './access';
import { lastEventId } from './events';
import { type PollView, roomPolls } from './polls';
import { type QuestionView, roomQuestions } from './questions';
import { type RoomState, roomState } from './room';
import { questionViewer } from './stream';

/** What a live page starts from: the room as the viewer sees it, and the event id to stream after. */
export type LiveSnapshot = { lastEventId: number; questions: QuestionView[]; polls: PollView[]; room: RoomState };

/**
 * The id is read first: anything that changes while the rest is read comes again from the stream,
 * and applying a question or poll twice is harmless (the page keeps one per id).
 */
export async function liveSnapshot(db: Db, viewer: LiveViewer): Promise<LiveSnapshot> {
  const last = await lastEventId(db, viewer.sessionId);
  const [questions, polls, room] = await Promise.all([
    roomQuestions(db, viewer.sessionId, questionViewer(viewer)),
    roomPolls(db, viewer.sessionId, viewer.kind === 'attendee' ? viewer.subjectId : null),
    roomState(db, viewer.sessionId),
  ]);
  return { lastEventId: last, questions, polls, room };
}

/** The session a live page is about, with its event and venue for the heading. */
export async function liveSession(db: Db, sessionId: string) {
  const [row] = await db
    .select({ session: sessions, venue: venues })
    .from(sessions)
    .innerJoin(venues, eq(venues.id, sessions.venueId))
    .where(eq(sessions.id, sessionId));
  return row ?? null;
}
