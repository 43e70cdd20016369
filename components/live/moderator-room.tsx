'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import type { Result } from '@/lib/errors/result';
import { type PollInput, type PollOutput, pollInputSchema } from '@/lib/live/poll-input';
import type { Moderation } from '@/lib/live/moderation';
import type { LiveSnapshot } from '@/lib/live/snapshot';
import { FeedStatusLine, PollResults, QuestionList } from './room-parts';
import { useLiveFeed } from './use-live-feed';
import { ClientForm } from '../forms/client-form';

type Actions = {
  moderate: (sessionId: string, questionId: string, action: Moderation) => Promise<Result>;
  setOpen: (sessionId: string, open: boolean) => Promise<Result>;
  openPoll: (sessionId: string, values: PollInput) => Promise<Result<{ id: string }>>;
  closePoll: (sessionId: string, pollId: string) => Promise<Result>;
};

/** The moderator's view: every question with its asker, and the buttons that approve, hide, answer and highlight. */
export function ModeratorRoom({
  token,
  sessionId,
  initial,
  actions,
}: {
  token: string;
  sessionId: string;
  initial: LiveSnapshot;
  actions: Actions;
}) {
  const t = useTranslations('live');
  const feed = useLiveFeed(token, initial);
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<string | null>(null);
  const run = (work: () => Promise<Result>) =>
    startTransition(async () => {
      const answer = await work();
      setNotice(answer.ok ? null : t('refused'));
    });
  const button = (questionId: string, action: Moderation, label: string) => (
    <button
      type="button"
      className="button secondary"
      disabled={pending}
      data-testid={`moderate-${action}`}
      onClick={() => run(() => actions.moderate(sessionId, questionId, action))}
    >
      {label}
    </button>
  );
  const byStatus = (status: string) => feed.questions.filter((q) => q.status === status);
  return (
    <div className="live-room">
      <FeedStatusLine status={feed.status} />
      {notice && (
        <p role="alert" className="notice bad">
          {notice}
        </p>
      )}
      <p>
        {feed.room.questionsOpen ? t('questionsAreOpen') : t('closed')}{' '}
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          data-testid="toggle-questions"
          onClick={() => run(() => actions.setOpen(sessionId, !feed.room.questionsOpen))}
        >
          {feed.room.questionsOpen ? t('closeQuestions') : t('openQuestions')}
        </button>
      </p>
      {(['pending', 'approved', 'hidden'] as const).map((status) => (
        <section key={status} aria-labelledby={`heading-${status}`} data-testid={`section-${status}`}>
          <h2 id={`heading-${status}`}>{t(`moderation.${status}`)}</h2>
          <QuestionList
            questions={byStatus(status)}
            empty={t('noQuestions')}
            showStatus={false}
            action={(q) => (
              <p className="actions">
                {q.status !== 'approved' && button(q.id, 'approve', t('approve'))}
                {q.status !== 'hidden' && button(q.id, 'hide', t('hide'))}
                {q.status === 'approved' &&
                  (q.highlighted ? button(q.id, 'unhighlight', t('unhighlight')) : button(q.id, 'highlight', t('highlight')))}
                {q.status === 'approved' &&
                  (q.answered ? button(q.id, 'unanswer', t('unanswer')) : button(q.id, 'answer', t('markAnswered')))}
              </p>
            )}
          />
        </section>
      ))}
      <section aria-labelledby="polls-heading">
        <h2 id="polls-heading">{t('pollsHeading')}</h2>
        {feed.polls.map((poll) => (
          <div key={poll.id}>
            <PollResults poll={poll} />
            {poll.status === 'open' && (
              <button
                type="button"
                className="button secondary"
                disabled={pending}
                onClick={() => run(() => actions.closePoll(sessionId, poll.id))}
              >
                {t('closePoll')}
              </button>
            )}
          </div>
        ))}
        <PollForm sessionId={sessionId} openPoll={actions.openPoll} />
      </section>
    </div>
  );
}

function PollForm({ sessionId, openPoll }: { sessionId: string; openPoll: Actions['openPoll'] }) {
  const t = useTranslations('live');
  const words = useValidationText();
  const form = useFilledForm<PollInput, unknown, PollOutput>({
    resolver: zodResolver(pollInputSchema),
    defaultValues: { question: '', options: '', multiple: false },
  });
  const result = useFormResult(form.setError, ['question', 'options']);
  const [pending, startTransition] = useTransition();
  // The server parses the form's own values again (the options as typed, one per line).
  const send = () =>
    startTransition(async () => {
      result.clear();
      const answer = await openPoll(sessionId, form.getValues());
      if (!answer.ok) return result.refused(answer, { fixErrors: t('fixErrors'), other: () => t('refused') });
      result.saved(t('pollOpened'));
      form.reset({ question: '', options: '', multiple: false });
    });
  const error = (field: 'question' | 'options') => {
    const message = words(form.formState.errors[field]?.message);
    return message ? (
      <p id={`poll-${field}-error`} className="error">
        {message}
      </p>
    ) : null;
  };
  return (
    <ClientForm className="card" onSubmit={form.handleSubmit(send)} noValidate>
      <h3>{t('newPoll')}</h3>
      <FormNotice notice={result.notice} testId="poll-notice" />
      <label htmlFor="poll-question">{t('pollQuestion')}</label>
      <input
        id="poll-question"
        aria-invalid={Boolean(form.formState.errors.question)}
        aria-describedby={form.formState.errors.question ? 'poll-question-error' : undefined}
        {...form.register('question')}
      />
      {error('question')}
      <label htmlFor="poll-options">{t('pollOptions')}</label>
      <textarea
        id="poll-options"
        rows={4}
        aria-invalid={Boolean(form.formState.errors.options)}
        aria-describedby={form.formState.errors.options ? 'poll-options-error' : 'poll-options-hint'}
        {...form.register('options')}
      />
      <p id="poll-options-hint" className="muted">
        {t('pollOptionsHint')}
      </p>
      {error('options')}
      <label className="check">
        <input type="checkbox" {...form.register('multiple')} /> {t('pollMultiple')}
      </label>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {t('openPoll')}
        </button>
      </p>
    </ClientForm>
  );
}
