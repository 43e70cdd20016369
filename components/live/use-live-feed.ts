'use client';

import { useEffect, useMemo, useState } from 'react';
import type { LiveSnapshot } from '@/lib/live/snapshot';
import type { PollView } from '@/lib/live/polls';
import type { QuestionUpdate, QuestionView } from '@/lib/live/questions';
import type { RoomState } from '@/lib/live/room';

export type FeedStatus = 'live' | 'reconnecting' | 'closed';

/**
 * A live room kept up to date from its Server-Sent Events: one question and one poll per id (an
 * event applied twice changes nothing), questions most upvoted first. The browser reconnects by
 * itself and sends the last id it got, so the server continues from there.
 */
export function useLiveFeed(token: string, initial: LiveSnapshot) {
  const [questions, setQuestions] = useState(() => new Map(initial.questions.map((q) => [q.id, q])));
  const [polls, setPolls] = useState(() => new Map(initial.polls.map((p) => [p.id, p])));
  const [room, setRoom] = useState<RoomState>(initial.room);
  const [status, setStatus] = useState<FeedStatus>('live');

  useEffect(() => {
    const source = new EventSource(`/api/v1/live/${encodeURIComponent(token)}/events?after=${initial.lastEventId}`);
    source.addEventListener('question', (event) => {
      const update = JSON.parse((event as MessageEvent<string>).data) as QuestionUpdate;
      setQuestions((current) => {
        const next = new Map(current);
        if ('removed' in update) next.delete(update.id);
        else next.set(update.id, update);
        return next;
      });
    });
    source.addEventListener('poll', (event) => {
      const update = JSON.parse((event as MessageEvent<string>).data) as PollView | { id: string; removed: true };
      setPolls((current) => {
        const next = new Map(current);
        if ('removed' in update) next.delete(update.id);
        else next.set(update.id, update);
        return next;
      });
    });
    source.addEventListener('room', (event) => setRoom(JSON.parse((event as MessageEvent<string>).data) as RoomState));
    source.addEventListener('refused', () => {
      source.close();
      setStatus('closed');
    });
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    return () => source.close();
  }, [token, initial.lastEventId]);

  const sorted = useMemo(
    () => [...questions.values()].sort((a: QuestionView, b: QuestionView) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt)),
    [questions],
  );
  const pollList = useMemo(() => [...polls.values()], [polls]);
  /** Applies an action's own answer at once, before its event arrives. */
  const applyPoll = (poll: PollView) => setPolls((current) => new Map(current).set(poll.id, poll));
  return { questions: sorted, polls: pollList, room, status, applyPoll };
}
