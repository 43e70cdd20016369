'use client';

import type { FieldValues, Path, UseFormRegister, UseFormWatch } from 'react-hook-form';
import type { RegisterChoice } from '@/components/forms/use-filled-form';
import type { QuestionOnForm } from '@/lib/registration/questions/on-form';

type Props<Values extends FieldValues> = {
  questions: QuestionOnForm[];
  register: UseFormRegister<Values>;
  /** A radio's or a box's registration, ticked when the form's default holds its value. */
  registerChoice: RegisterChoice<Values>;
  watch: UseFormWatch<Values>;
  /** The words of the message on `answers.<id>`, or undefined. */
  error: (questionId: string) => string | undefined;
  countries: { code: string; name: string }[];
  words: { yes: string; no: string; choose: string; optional: string };
  /** The attendee category chosen on the form, when the event has them. */
  categoryId?: string | null;
};

/**
 * The organisers' questions on the registration form. A conditional question appears once the
 * answer it depends on is given, and its value goes when it disappears (shouldUnregister), so a
 * hidden question is never sent.
 */
export function QuestionFields<Values extends FieldValues>({
  questions,
  register,
  registerChoice,
  watch,
  error,
  countries,
  words,
  categoryId,
}: Props<Values>) {
  const answers = (watch('answers' as Path<Values>) ?? {}) as Record<string, unknown>;
  const inCategory = (q: QuestionOnForm) => q.categoryIds === null || (categoryId != null && q.categoryIds.includes(categoryId));
  const shownIds = new Set(questions.filter((q) => inCategory(q) && q.conditionQuestionId === null).map((q) => q.id));
  const shown = questions.filter(
    (q) =>
      inCategory(q) &&
      (q.conditionQuestionId === null ||
        (shownIds.has(q.conditionQuestionId) && (q.conditionValues ?? []).includes(String(answers[q.conditionQuestionId] ?? '')))),
  );
  if (!shown.length) return null;
  return (
    <>
      {shown.map((q) => {
        const name = `answers.${q.id}` as Path<Values>;
        const id = `answer-${q.id}`;
        const message = error(q.id);
        const described = [q.text.help ? `${id}-help` : null, `${id}-error`].filter(Boolean).join(' ');
        const aria = { 'aria-invalid': Boolean(message), 'aria-describedby': described };
        const field = () => register(name, { shouldUnregister: true });
        const label = `${q.text.label}${q.required ? '' : ` ${words.optional}`}`;
        const help = q.text.help ? (
          <span id={`${id}-help`} className="muted">
            {q.text.help}
          </span>
        ) : null;
        const errorLine = (
          <span id={`${id}-error`} className="error" role={message ? 'alert' : undefined}>
            {message ?? ''}
          </span>
        );
        if (q.kind === 'single_choice' || q.kind === 'multiple_choice' || q.kind === 'yes_no') {
          const choices =
            q.kind === 'yes_no'
              ? [
                  { id: 'yes', label: words.yes },
                  { id: 'no', label: words.no },
                ]
              : q.text.options;
          return (
            <fieldset key={q.id} id={id} data-question={q.id} aria-describedby={described} tabIndex={-1}>
              <legend>{label}</legend>
              {help}
              {choices.map((choice) => (
                <label key={choice.id} className="check">
                  <input
                    type={q.kind === 'multiple_choice' ? 'checkbox' : 'radio'}
                    aria-invalid={Boolean(message)}
                    {...registerChoice(name, choice.id, { shouldUnregister: true })}
                  />{' '}
                  {choice.label}
                </label>
              ))}
              {errorLine}
            </fieldset>
          );
        }
        return (
          <div key={q.id} className="field" data-question={q.id}>
            <label htmlFor={id}>{label}</label>
            {q.kind === 'long_text' ? (
              <textarea id={id} rows={3} {...aria} {...field()} />
            ) : q.kind === 'country' ? (
              <select id={id} defaultValue="" {...aria} {...field()}>
                <option value="">{words.choose}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type={q.kind === 'email' ? 'email' : q.kind === 'phone' ? 'tel' : q.kind === 'date' ? 'date' : 'text'}
                inputMode={q.kind === 'number' ? 'decimal' : undefined}
                autoComplete={q.kind === 'phone' ? 'tel' : q.kind === 'email' ? 'email' : 'off'}
                {...aria}
                {...field()}
              />
            )}
            {help}
            {errorLine}
          </div>
        );
      })}
    </>
  );
}
