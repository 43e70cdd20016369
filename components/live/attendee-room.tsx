'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import type { Result } from '@/lib/errors/result';
import { QUESTION_MAX } from '@/lib/live/limits';
import type { PollView } from '@/lib/live/polls';
import { type AskInput, askInputSchema } from '@/lib/live/question-input';
import type { LiveSnapshot } from '@/lib/live/snapshot';
import { FeedStatusLine, PollResults, QuestionList } from './room-parts';
import { useLiveFeed } from './use-live-feed';
import { ClientForm } from '../forms/client-form';

type Actions = {
  ask: (token: string, values: AskInput) => Promise<Result<{ id: string }>>;
  upvote: (token: string, questionId: string) => Promise<Result<{ counted: boolean }>>;
  vote: (token: string, pollId: string, choices: number[]) => Promise<Result>;
};

/** An attendee's live room: ask, upvote, answer polls; everything updates as it happens. */
export function AttendeeRoom({ token, initial, actions }: { token: string; initial: LiveSnapshot; actions: Actions }) {
  const t = useTranslations('live');
  const feed = useLiveFeed(token, initial);
  const [pending, startTransition] = useTransition();
  const [voteNotice, setVoteNotice] = useState<string | null>(null);
  const upvote = (id: string) =>
    startTransition(async () => {
      const answer = await actions.upvote(token, id);
      setVoteNotice(answer.ok ? null : t('refused'));
    });
  return (
    <div className="live-room">
      <FeedStatusLine status={feed.status} />
      {feed.polls
        .filter((poll) => poll.status === 'open')
        .map((poll) => (
          <PollBallot key={poll.id} poll={poll} token={token} vote={actions.vote} />
        ))}
      <section className="card" aria-labelledby="ask-heading">
        <h2 id="ask-heading">{t('askHeading')}</h2>
        {feed.room.questionsOpen ? <AskForm token={token} ask={actions.ask} /> : <p data-testid="questions-closed">{t('closed')}</p>}
      </section>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('questionsHeading')}</h2>
        {voteNotice && (
          <p role="alert" className="notice bad">
            {voteNotice}
          </p>
        )}
        <QuestionList
          questions={feed.questions}
          empty={t('noQuestions')}
          action={(q) =>
            q.status === 'approved' ? (
              <button
                type="button"
                className="button secondary"
                disabled={q.voted || pending}
                aria-pressed={q.voted}
                onClick={() => upvote(q.id)}
                data-testid="upvote"
              >
                {q.voted ? t('upvoted') : t('upvote')}
              </button>
            ) : null
          }
        />
      </section>
      {feed.polls.some((poll) => poll.status === 'closed') && (
        <section aria-labelledby="polls-heading">
          <h2 id="polls-heading">{t('pollsHeading')}</h2>
          {feed.polls
            .filter((poll) => poll.status === 'closed')
            .map((poll) => (
              <PollResults key={poll.id} poll={poll} />
            ))}
        </section>
      )}
    </div>
  );
}

function AskForm({ token, ask }: { token: string; ask: Actions['ask'] }) {
  const t = useTranslations('live');
  const words = useValidationText();
  const form = useFilledForm<AskInput>({ resolver: zodResolver(askInputSchema), defaultValues: { body: '', anonymous: false } });
  const result = useFormResult(form.setError, ['body']);
  const [pending, startTransition] = useTransition();
  const send = (values: AskInput) =>
    startTransition(async () => {
      result.clear();
      const answer = await ask(token, values);
      if (!answer.ok)
        return result.refused(answer, {
          fixErrors: t('fixErrors'),
          other: (failure) => (failure.code === 'rate-limited' ? t('tooMany') : failure.code === 'conflict' ? t('closed') : t('refused')),
        });
      result.saved(t('asked'));
      form.reset({ body: '', anonymous: values.anonymous });
    });
  const error = words(form.formState.errors.body?.message);
  return (
    <ClientForm onSubmit={form.handleSubmit(send)} noValidate>
      <FormNotice notice={result.notice} testId="ask-notice" />
      <label htmlFor="question-body">{t('question')}</label>
      <textarea
        id="question-body"
        rows={3}
        maxLength={QUESTION_MAX}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'question-body-error' : 'question-body-hint'}
        {...form.register('body')}
      />
      <p id="question-body-hint" className="muted">
        {t('questionHint', { max: QUESTION_MAX })}
      </p>
      {error && (
        <p id="question-body-error" className="error">
          {error}
        </p>
      )}
      <label className="check">
        <input type="checkbox" {...form.register('anonymous')} /> {t('anonymous')}
      </label>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {t('ask')}
        </button>
      </p>
    </ClientForm>
  );
}

function PollBallot({ poll, token, vote }: { poll: PollView; token: string; vote: Actions['vote'] }) {
  const t = useTranslations('live');
  const [chosen, setChosen] = useState<number[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (poll.mine) return <PollResults poll={poll} />;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!chosen.length) return setNotice(t('chooseOption'));
    startTransition(async () => {
      const answer = await vote(token, poll.id, chosen);
      setNotice(answer.ok ? null : answer.code === 'conflict' ? t('pollClosedOrVoted') : t('refused'));
    });
  };
  return (
    <ClientForm className="card" onSubmit={submit} data-testid="poll-ballot">
      <fieldset>
        <legend>{poll.question}</legend>
        {notice && (
          <p role="alert" className="notice bad">
            {notice}
          </p>
        )}
        {poll.options.map((option, index) => (
          <label key={option} className="check">
            <input
              type={poll.multiple ? 'checkbox' : 'radio'}
              name={`poll-${poll.id}`}
              checked={chosen.includes(index)}
              onChange={(event) =>
                setChosen((current) =>
                  poll.multiple ? (event.target.checked ? [...current, index] : current.filter((c) => c !== index)) : [index],
                )
              }
            />{' '}
            {option}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {t('vote')}
        </button>
      </p>
    </ClientForm>
  );
}
