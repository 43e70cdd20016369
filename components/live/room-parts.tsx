'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PollView } from '@/lib/live/polls';
import type { QuestionView } from '@/lib/live/questions';
import type { FeedStatus } from './use-live-feed';

/** Whether the page is receiving updates; when the link is no longer good, how to get a fresh one. */
export function FeedStatusLine({ status }: { status: FeedStatus }) {
  const t = useTranslations('live');
  return (
    <p className={status === 'live' ? 'muted' : 'notice bad'} role="status" data-testid="feed-status" data-status={status}>
      {t(`status.${status}`)}
    </p>
  );
}

/** Questions as text (React escapes them), with who asked (or "anonymous") and their state. */
export function QuestionList({
  questions,
  empty,
  action,
  showStatus = true,
}: {
  questions: QuestionView[];
  empty: string;
  action?: (question: QuestionView) => ReactNode;
  showStatus?: boolean;
}) {
  const t = useTranslations('live');
  if (!questions.length) return <p className="muted">{empty}</p>;
  return (
    <ol className="live-questions">
      {questions.map((q) => (
        <li key={q.id} className="card" data-testid="question" data-status={q.status} data-highlighted={q.highlighted || undefined}>
          <p className="live-question-body">{q.body}</p>
          <p className="muted">
            {q.author ?? t('anonymousAuthor')}
            {q.anonymous && q.author ? ` · ${t('askedAnonymously')}` : ''} ·{' '}
            <span data-testid="votes">{t('votes', { count: q.votes })}</span>
            {showStatus && q.status === 'pending' && ` · ${t('pending')}`}
            {showStatus && q.status === 'hidden' && ` · ${t('hidden')}`}
            {q.answered && ` · ${t('answered')}`}
            {q.highlighted && ` · ${t('highlighted')}`}
          </p>
          {q.held && q.status === 'pending' && (
            <p className="notice bad" data-testid="held-term">
              {t('heldFlag', { term: q.held.term })}
            </p>
          )}
          {action?.(q)}
        </li>
      ))}
    </ol>
  );
}

/** A poll's results as bars with counts (a table's worth of text for screen readers). */
export function PollResults({ poll, large = false }: { poll: PollView; large?: boolean }) {
  const t = useTranslations('live');
  const most = Math.max(1, ...poll.counts);
  return (
    <figure className={`card live-poll${large ? ' live-poll-large' : ''}`} data-testid="poll-results">
      <figcaption>
        <strong>{poll.question}</strong> <span className="muted">{t('ballots', { count: poll.ballots })}</span>
        {poll.status === 'closed' && <span className="muted"> · {t('pollClosed')}</span>}
      </figcaption>
      <ul>
        {poll.options.map((option, index) => (
          <li key={option} data-testid="poll-option">
            <span>{option}</span> <strong data-testid="poll-count">{poll.counts[index] ?? 0}</strong>
            {poll.mine?.includes(index) && <span className="muted"> · {t('yourChoice')}</span>}
            <span className="live-bar" style={{ width: `${Math.round(((poll.counts[index] ?? 0) / most) * 100)}%` }} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </figure>
  );
}
