'use client';

import { useTranslations } from 'next-intl';
import type { LiveSnapshot } from '@/lib/live/snapshot';
import { PollResults } from './room-parts';
import { useLiveFeed } from './use-live-feed';

/** How many of the most upvoted questions a venue screen shows beside the highlighted one. */
const TOP = 5;

/** A venue screen: the highlighted question in large type, the top ones under it, the open poll's results. */
export function StageBoard({ token, initial, title }: { token: string; initial: LiveSnapshot; title: string }) {
  const t = useTranslations('live');
  const feed = useLiveFeed(token, initial);
  const highlighted = feed.questions.find((q) => q.highlighted);
  const top = feed.questions.filter((q) => !q.highlighted && !q.answered).slice(0, TOP);
  const poll = feed.polls.filter((p) => p.status === 'open').at(-1) ?? feed.polls.at(-1);
  return (
    <div className="stage">
      <h1 className="stage-title">{title}</h1>
      {feed.status !== 'live' && (
        <p className="notice bad" role="status">
          {t(`status.${feed.status}`)}
        </p>
      )}
      <section aria-label={t('highlighted')} data-testid="stage-highlight">
        {highlighted ? (
          <blockquote className="stage-highlight">
            <p>{highlighted.body}</p>
            <footer>{highlighted.author ?? t('anonymousAuthor')}</footer>
          </blockquote>
        ) : (
          <p className="muted">{t('stageWaiting')}</p>
        )}
      </section>
      {top.length > 0 && (
        <section aria-label={t('topQuestions')}>
          <ol className="stage-top" data-testid="stage-top">
            {top.map((q) => (
              <li key={q.id}>
                <span>{q.body}</span> <span className="muted">{t('votes', { count: q.votes })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {poll && <PollResults poll={poll} large />}
    </div>
  );
}
