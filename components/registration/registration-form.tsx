'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldPath, Resolver } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { FormOptions } from '@/lib/agenda/form-options';
import { requestedSessions } from '@/lib/agenda/requested-sessions';
import { RequestedSessionList } from './requested-session-list';
import { CategoryFieldset, type CategoryOption } from './category-fieldset';
import { PARTICIPANT_TYPES } from '@/lib/registration/choices-lists';
import type { RegistrationFormValues, RegistrationInput } from '@/lib/registration/schema';
import type { Submission } from '@/lib/registration/submit-registration';
import { htmlLang, languageName, type Locale, locales } from '@/lib/i18n/locales';
import { plainTranslator, type PlainMessages } from '@/lib/i18n/plain-translator';
import { validationTranslator } from '@/lib/validation/translate-validation';
import type { QuestionOnForm } from '@/lib/registration/questions/on-form';
import { QuestionFields } from './question-fields';
import { askedInCategory } from '@/lib/registration/questions/definition';
import { DelegationFieldset, emptyMember, type DelegationDraft } from './delegation-fieldset';
import { ClientForm } from '../forms/client-form';

type Props = {
  eventSlug: string;
  options: FormOptions;
  locale: Locale;
  preselected: string[];
  action: (slug: string, values: unknown) => Promise<Submission>;
  /** The `register` messages, passed in so the page loads no i18n runtime. */
  messages: PlainMessages;
  /** The `validation` messages: what the shared schema and the server say, in the page's language. */
  validationMessages: PlainMessages;
  /** The organisers' own questions, checked with the schema the server builds from them. */
  questions?: QuestionOnForm[];
  /** The attendee categories offered (none: the event has none), and the invitation code it was opened with. */
  categories?: CategoryOption[];
  initial?: { category: string | null; code: string | null; codeRejected: boolean };
  /** A head registering their delegation (docs/delegations.md): the delegation and its members follow their own details. */
  delegation?: boolean;
};

/**
 * The server's own schema validates the form, but it (zod and the country list) is fetched on the
 * first validation, not with the page: visitors reading the form do not download it.
 */
const sharedSchemaResolver: Resolver<RegistrationFormValues, unknown, RegistrationInput> = async (values, context, options) => {
  const [{ zodResolver }, { registrationInputSchema }] = await Promise.all([
    import('@hookform/resolvers/zod'),
    import('@/lib/registration/schema'),
  ]);
  return zodResolver(registrationInputSchema)(values, context, options);
};

/** The built-in fields' resolver and the answers' (built from the questions, as on the server), their errors together. */
function resolverWithAnswers(questions: QuestionOnForm[]): Resolver<RegistrationFormValues, unknown, RegistrationInput> {
  if (!questions.length) return sharedSchemaResolver;
  return async (values, context, options) => {
    const [{ zodResolver }, { answersFieldSchema }] = await Promise.all([
      import('@hookform/resolvers/zod'),
      import('@/lib/registration/questions/answer-schema'),
    ]);
    const [base, answers] = await Promise.all([
      sharedSchemaResolver(values, context, options),
      zodResolver(answersFieldSchema(questions, { categoryId: (values as { category?: string | null }).category ?? null }))(
        values as never,
        context,
        options as never,
      ),
    ]);
    const errors = { ...base.errors, ...answers.errors };
    if (Object.keys(errors).length) return { values: {}, errors } as never;
    return { values: { ...base.values, ...(answers.values as object) }, errors: {} } as never;
  };
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <span id={id} className="error" role={message ? 'alert' : undefined}>
      {message ?? ''}
    </span>
  );
}

export function RegistrationForm({
  eventSlug,
  options,
  locale,
  preselected,
  action,
  messages,
  validationMessages,
  questions = [],
  categories = [],
  initial = { category: null, code: null, codeRejected: false },
  delegation = false,
}: Props) {
  const [group, setGroup] = useState<DelegationDraft>({ delegation: { name: '', country: '', agency: '' }, members: [emptyMember()] });
  const [groupErrors, setGroupErrors] = useState<Record<string, string>>({});
  /** The delegation's part checked with the server's schema, its errors by path (`members.2.email`). */
  const checkGroup = async (): Promise<boolean> => {
    if (!delegation) return true;
    const [{ delegationFieldsSchema }, { pathErrors }] = await Promise.all([
      import('@/lib/registration/delegations/schema'),
      import('@/lib/registration/delegations/path-errors'),
    ]);
    const parsed = delegationFieldsSchema.safeParse(groupValues(group));
    setGroupErrors(parsed.success ? {} : pathErrors(parsed.error));
    return parsed.success;
  };
  const t = useMemo(() => plainTranslator(messages), [messages]);
  const words = useMemo(() => validationTranslator(validationMessages), [validationMessages]);
  // What was submitted, once the server has it: the answer is the same whether the address was new or
  // already registered, so the screen shows only what the person asked for (their mail tells the rest).
  const [done, setDone] = useState<{ email: string; mode: RegistrationInput['mode']; venue: string | null; sessions: string[] } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const { register, registerChoice, handleSubmit, watch, setValue, setError, getValues, formState } = useFilledForm<
    RegistrationFormValues,
    unknown,
    RegistrationInput
  >({
    resolver: useMemo(() => resolverWithAnswers(questions), [questions]),
    defaultValues: {
      locale,
      sessions: preselected,
      venue: null,
      consent: undefined as unknown as true,
      category: initial.category,
      code: initial.code,
    },
    errors: initial.codeRejected ? { code: { type: 'server', message: 'invitationCode' } } : undefined,
  });
  const mode = watch('mode');
  const venue = watch('venue');
  const chosen = watch('sessions') ?? [];
  const available =
    mode === 'online' ? (options.sessionsFor.online ?? []) : mode === 'in_person' && venue ? (options.sessionsFor[venue] ?? []) : [];
  const errors = formState.errors;
  const message = (field: FieldPath<RegistrationFormValues>) => {
    const error = errors[field as keyof typeof errors];
    return error?.message ? words(error.message) : undefined;
  };
  const describe = (field: string) => ({
    'aria-invalid': Boolean(errors[field as keyof typeof errors]),
    'aria-describedby': `${field}-error`,
  });
  // Where the keyboard goes when the page answers: the confirmation, or the notice of what went wrong
  // (the submit button it was on is disabled while sending, which drops focus to the document).
  const answer = useRef<HTMLElement>(null);
  useEffect(() => {
    // A field the server refused has taken focus already (setError's shouldFocus): leave it there.
    if (notice && document.activeElement?.getAttribute('aria-invalid') === 'true') return;
    if (done || notice) answer.current?.focus();
  }, [done, notice]);
  const checkGroupToo = () => {
    void checkGroup();
  };

  // Sessions chosen already (or brought from a session page) stay chosen where the new choice offers
  // them; the others are named, not silently dropped.
  const [dropped, setDropped] = useState<string[]>([]);
  const follow = (key: string) => {
    const open = new Set((options.sessionsFor[key] ?? []).map((s) => s.id));
    const titles = new Map(Object.values(options.sessionsFor).flatMap((list) => list.map((s) => [s.id, s.title] as const)));
    setDropped(chosen.filter((id) => !open.has(id)).map((id) => titles.get(id) ?? id));
    setValue(
      'sessions',
      chosen.filter((id) => open.has(id)),
    );
  };

  // A question limited to some categories shows once one of them is chosen, as the server asks it.
  const chosenCategory = watch('category') ?? null;
  const askedHere = questions.filter((question) => askedInCategory(question, chosenCategory));
  const onSubmitValues = async (values: RegistrationInput) => {
    setNotice(null);
    if (!(await checkGroup())) return setNotice(t('fixErrors'));
    const result = await action(eventSlug, delegation ? { ...values, ...groupValues(group) } : values);
    if (result.ok) {
      setDone({ email: result.receipt.email, mode: values.mode, venue: values.venue, sessions: values.sessions });
      window.scrollTo(0, 0);
      return;
    }
    if (result.code === 'rate-limited') return setNotice(t('tooMany'));
    if (result.code === 'invalid') {
      let first = true;
      const fromGroup: Record<string, string> = {};
      for (const [field, text] of Object.entries(result.fields)) {
        if (field === 'event') setNotice(t('closed'));
        else if (field.startsWith('members') || field.startsWith('delegation.')) fromGroup[field] = text;
        else {
          setError(field as FieldPath<RegistrationFormValues>, { message: text }, { shouldFocus: first });
          first = false;
        }
      }
      setGroupErrors(fromGroup);
      return setNotice((n) => n ?? t('fixErrors'));
    }
    setNotice(t('failed'));
  };

  if (done) {
    const venueLabel = options.venues.find((v) => v.slug === done.venue)?.label;
    return (
      <section className="notice ok" aria-live="polite" data-testid="registration-confirmation" ref={answer} tabIndex={-1}>
        <h2>{t('doneTitle')}</h2>
        <p>{t('doneMail', { email: done.email })}</p>
        <h3>{t('doneAsked')}</h3>
        <p>{done.mode === 'online' ? t('online') : `${t('inPerson')}: ${venueLabel ?? done.venue}`}</p>
        {done.sessions.length === 0 && <p>{t('doneNoSessions')}</p>}
        <RequestedSessionList
          items={requestedSessions(
            options,
            { mode: done.mode, venue: done.venue ?? null },
            done.sessions.map((sessionId) => ({ sessionId })),
          )}
        />
        <p className="muted">{t('doneNoMail')}</p>
      </section>
    );
  }

  return (
    <ClientForm onSubmit={handleSubmit(onSubmitValues, delegation ? checkGroupToo : undefined)} noValidate>
      {notice && (
        <p
          className="notice bad"
          role="alert"
          data-testid="form-notice"
          ref={answer as React.RefObject<HTMLParagraphElement>}
          tabIndex={-1}
        >
          {notice}
        </p>
      )}
      <fieldset>
        <legend>{t('you')}</legend>
        <div className="field">
          <label htmlFor="name">{t('name')}</label>
          <input id="name" autoComplete="name" {...describe('name')} {...register('name')} />
          <FieldError id="name-error" message={message('name')} />
        </div>
        <div className="field">
          <label htmlFor="email">{t('email')}</label>
          <input id="email" type="email" autoComplete="email" {...describe('email')} {...register('email')} />
          <FieldError id="email-error" message={message('email')} />
        </div>
        <div className="field">
          <label htmlFor="organisation">{t('organisation')}</label>
          <input id="organisation" autoComplete="organization" {...describe('organisation')} {...register('organisation')} />
          <FieldError id="organisation-error" message={message('organisation')} />
        </div>
        <div className="field">
          <label htmlFor="jobTitle">{t('jobTitle')}</label>
          <input id="jobTitle" autoComplete="organization-title" {...describe('jobTitle')} {...register('jobTitle')} />
          <FieldError id="jobTitle-error" message={message('jobTitle')} />
        </div>
        <div className="field">
          <label htmlFor="country">{t('country')}</label>
          <select id="country" autoComplete="country" defaultValue="" {...describe('country')} {...register('country')}>
            <option value="" disabled>
              {t('chooseCountry')}
            </option>
            {options.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="country-error" message={message('country')} />
        </div>
        <div className="field">
          <label htmlFor="participantType">{t('participantType')}</label>
          <select id="participantType" defaultValue="" {...describe('participantType')} {...register('participantType')}>
            <option value="" disabled>
              {t('chooseCountry')}
            </option>
            {PARTICIPANT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
          <FieldError id="participantType-error" message={message('participantType')} />
        </div>
      </fieldset>

      {delegation && (
        <DelegationFieldset draft={group} onChange={setGroup} errors={groupErrors} countries={options.countries} t={t} words={words} />
      )}

      {categories.length > 0 && (
        <CategoryFieldset
          categories={categories}
          register={register}
          registerChoice={registerChoice}
          t={t}
          message={message}
          describe={describe}
          codeValue={() => getValues('code') ?? ''}
        />
      )}

      <fieldset aria-describedby="mode-error">
        <legend>{t('attendance')}</legend>
        <label className="check">
          <input type="radio" {...registerChoice('mode', 'in_person')} /> {t('inPerson')}
        </label>
        <label className="check">
          <input
            type="radio"
            {...registerChoice('mode', 'online', {
              onChange: () => {
                setValue('venue', null);
                follow('online');
              },
            })}
          />{' '}
          {t('online')}
        </label>
        <FieldError id="mode-error" message={message('mode')} />
        {mode === 'in_person' && (
          <div className="field" style={{ marginTop: '.75rem' }}>
            <label htmlFor="venue">{t('venue')}</label>
            <select id="venue" defaultValue="" {...describe('venue')} {...register('venue', { onChange: (e) => follow(e.target.value) })}>
              <option value="" disabled>
                {t('chooseVenue')}
              </option>
              {options.venues.map((v) => (
                <option key={v.slug} value={v.slug}>
                  {v.label}
                </option>
              ))}
            </select>
            <FieldError id="venue-error" message={message('venue')} />
          </div>
        )}
      </fieldset>

      <fieldset aria-describedby="sessions-hint sessions-error">
        <legend>{t('sessions')}</legend>
        <p id="sessions-hint" className="muted">
          {available.length ? t('sessionsHint') : t('chooseModeFirst')}
        </p>
        {dropped.length > 0 && (
          <p className="notice bad" data-testid="sessions-dropped" aria-live="polite">
            {t('notHere', { sessions: dropped.map((title) => `“${title}”`).join(', ') })}
          </p>
        )}
        {available.map((s) => {
          const checked = chosen.includes(s.id);
          return (
            <label key={s.id} className="check" data-option={s.id}>
              <input
                type="checkbox"
                checked={checked}
                onChange={() =>
                  setValue('sessions', checked ? chosen.filter((id) => id !== s.id) : [...chosen, s.id], {
                    shouldValidate: formState.isSubmitted,
                  })
                }
              />
              <span>
                <strong>{s.title}</strong>
                <br />
                <span className="muted">
                  {s.day} · {s.time}
                  {s.relay && ` · ${t('relay')}`}
                  {s.seatsLeft !== null && ` · ${s.seatsLeft === 0 ? t('full') : t('left', { count: s.seatsLeft })}`}
                </span>
              </span>
            </label>
          );
        })}
        <FieldError id="sessions-error" message={message('sessions')} />
      </fieldset>

      {askedHere.length > 0 && (
        <fieldset data-testid="custom-questions">
          <legend>{t('questions')}</legend>
          <QuestionFields
            questions={askedHere}
            register={register}
            registerChoice={registerChoice}
            watch={watch}
            error={(id) => {
              const error = (errors as { answers?: Record<string, { message?: string }> }).answers?.[id];
              return error?.message ? words(error.message) : undefined;
            }}
            countries={options.countries}
            words={{ yes: t('yes'), no: t('no'), choose: t('chooseCountry'), optional: t('optional') }}
          />
        </fieldset>
      )}

      <fieldset>
        <legend>{t('preferences')}</legend>
        <div className="field">
          <label htmlFor="needs">{t('needs')}</label>
          <textarea id="needs" rows={2} {...describe('needs')} {...register('needs')} />
          <FieldError id="needs-error" message={message('needs')} />
        </div>
        <div className="field">
          <label htmlFor="locale">{t('locale')}</label>
          <select id="locale" {...register('locale')}>
            {locales.map((code) => (
              <option key={code} value={code} lang={htmlLang(code)}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('consentLegend')}</legend>
        <label className="check">
          <input type="checkbox" {...describe('consent')} {...register('consent')} />
          <span>
            {t('consent')}{' '}
            <a href="/privacy" target="_blank" rel="noopener">
              {t('privacy')}
            </a>
          </span>
        </label>
        <FieldError id="consent-error" message={message('consent')} />
      </fieldset>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('submitting') : t('submit')}
      </button>
    </ClientForm>
  );
}

/** What the server reads of the delegation's part (the rows' keys left out). */
function groupValues(group: DelegationDraft) {
  return { delegation: group.delegation, members: group.members.map(({ key: _key, ...member }) => member) };
}
