'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import {
  SEGMENTS,
  SESSION_LANGUAGES,
  sessionInputSchema,
  type SessionFormValues,
  type SessionInput,
} from '@/lib/agenda/admin/session-input';
import type { EditorOptions } from '@/lib/agenda/admin/editor-data';
import { INTERPRETATION_LANGUAGES } from '@/lib/livestream/channels';
import { useValidationText } from '@/components/ui/use-validation-text';
import { focusFirstError } from '@/components/forms/focus-first-error';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { suggestSlug } from '@/lib/admin/suggest-slug';
import type { SessionCheck, SessionEdit } from '@/lib/agenda/admin/save-session';
import { ClientForm } from '../forms/client-form';

const KINDS = ['ceremony', 'keynote', 'panel', 'forum', 'workshop', 'exhibition', 'promotion', 'signing', 'networking'] as const;
const ROLES = ['speaker', 'moderator', 'panelist', 'signatory', 'host'] as const;

type Props = {
  slug: string;
  sessionId: string | null;
  defaults: SessionFormValues;
  options: EditorOptions;
  check: (slug: string, id: string | null, values: unknown) => Promise<SessionCheck>;
  save: (slug: string, id: string | null, values: unknown) => Promise<SessionEdit>;
};

/** The session form: checks conflicts against the server before saving, and shows them beside the save button. */
export function SessionEditor({ slug, sessionId, defaults, options, check, save }: Props) {
  const t = useTranslations('adminAgenda.editor');
  // Kinds, tracks and roles by the names the public programme gives them, not their stored codes.
  const names = useTranslations('agenda');
  const locale = useLocale();
  const languageNames = useMemo(() => new Intl.DisplayNames([intlLocale(locale as Locale)], { type: 'language' }), [locale]);
  const words = useValidationText();
  const router = useRouter();
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFilledForm<SessionFormValues, unknown, SessionInput>({
    resolver: zodResolver(sessionInputSchema),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const formElement = useRef<HTMLFormElement>(null);
  const focusError = (errors: Parameters<typeof focusFirstError>[1]) => focusFirstError(formElement.current, errors);
  const { register, registerChoice, handleSubmit, watch, setError, formState, setValue } = form;
  const speakers = useFieldArray({ control: form.control, name: 'speakers' });
  const venueId = watch('venueId');
  const venue = options.venues.find((v) => v.id === venueId);
  const errors = formState.errors as Record<string, { message?: string } | undefined>;

  const applyServerAnswer = (answer: SessionCheck | SessionEdit) => {
    if (answer.ok) return setConflicts('conflicts' in answer ? answer.conflicts : null);
    if (answer.code === 'conflict') return setConflicts('conflicts' in answer ? answer.conflicts : []);
    // A session deleted meanwhile has no field of its own: its sentence goes where the form's own errors go.
    const fields = answer.fields ?? { body: answer.error };
    for (const [field, message] of Object.entries(fields)) setError(field as keyof SessionFormValues, { message });
    setConflicts(null);
  };

  // The server parses the raw form values with the same schema; the resolver's output is already transformed.
  const onCheck = handleSubmit(async () => {
    setBusy(true);
    applyServerAnswer(await check(slug, sessionId, form.getValues()));
    setBusy(false);
  }, focusError);

  const onSave = handleSubmit(async () => {
    setBusy(true);
    const answer = await save(slug, sessionId, form.getValues());
    setBusy(false);
    if (answer.ok) {
      router.push(`/admin/events/${slug}/agenda?saved=1`);
      router.refresh();
    } else applyServerAnswer(answer);
  }, focusError);

  const localized = (name: 'title' | 'description', max: number, multiline = false) => (
    <LocalizedTextFields
      name={name}
      idPrefix="s"
      label={t(name)}
      missingLabel={t('missingLanguage')}
      register={register}
      values={watch(name) as Record<string, string | undefined>}
      error={words(localizedFieldError(formState.errors[name]))}
      maxLength={max}
      multiline={multiline}
      // A new session's address follows its English title until someone types one.
      onEnglishBlur={
        name === 'title' ? (value) => !sessionId && !form.getValues('slug') && setValue('slug', suggestSlug(value)) : undefined
      }
    />
  );

  const field = (name: keyof SessionFormValues, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`s-${name}`}>{t(name as never)}</label>
      {input}
      {hint && <span className="muted">{hint}</span>}
      <span id={`s-${name}-error`} className="error" role={errors[name]?.message ? 'alert' : undefined}>
        {words(errors[name]?.message) ?? ''}
      </span>
    </div>
  );
  const aria = (name: string) => ({ id: `s-${name}`, 'aria-invalid': Boolean(errors[name]), 'aria-describedby': `s-${name}-error` });

  return (
    <ClientForm ref={formElement} onSubmit={onSave} noValidate className="card session-editor">
      {localized('title', 200)}
      <div className="grid-2">
        {field('slug', <input {...aria('slug')} {...register('slug')} spellCheck={false} autoCapitalize="none" />, t('slugHint'))}
        {field(
          'kind',
          <select {...aria('kind')} {...register('kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {names(`kinds.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'segment',
          <select {...aria('segment')} {...register('segment')}>
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {names(`segments.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'venueId',
          <select {...aria('venueId')} {...register('venueId', { onChange: () => setValue('roomId', '') })}>
            {options.venues
              .filter((v) => v.own)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
          </select>,
        )}
        {field(
          'roomId',
          <select {...aria('roomId')} {...register('roomId')}>
            <option value="">{t('noRoom')}</option>
            {options.rooms
              .filter((r) => r.venueId === venueId)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label} ({r.capacity})
                </option>
              ))}
          </select>,
        )}
        {field('capacity', <input inputMode="numeric" {...aria('capacity')} {...register('capacity')} />)}
        {field(
          'date',
          <input type="date" {...aria('date')} {...register('date')} />,
          venue ? t('localTimeNote', { venue: venue.name, zone: venue.timeZone }) : undefined,
        )}
        <div className="time-pair" data-testid="session-times">
          {field('start', <input type="time" {...aria('start')} {...register('start')} />)}
          {field('end', <input type="time" {...aria('end')} {...register('end')} />)}
        </div>
      </div>
      {localized('description', 5000, true)}
      <fieldset>
        <legend>{t('languages')}</legend>
        {SESSION_LANGUAGES.map((language) => (
          <label key={language} className="check inline">
            <input type="checkbox" {...registerChoice('languages', language)} /> {languageNames.of(language) ?? language}
          </label>
        ))}
        <span className="error" role={errors.languages?.message ? 'alert' : undefined}>
          {words(errors.languages?.message) ?? ''}
        </span>
      </fieldset>
      <fieldset>
        <legend>{t('relayVenueIds')}</legend>
        {options.venues
          .filter((v) => v.id !== venueId && v.kind !== 'online')
          .map((v) => (
            <label key={v.id} className="check inline">
              <input type="checkbox" {...registerChoice('relayVenueIds', v.id)} /> {v.label}
            </label>
          ))}
        <span className="error" role={errors.relayVenueIds?.message ? 'alert' : undefined}>
          {words(errors.relayVenueIds?.message) ?? ''}
        </span>
      </fieldset>
      <fieldset>
        <legend>{t('speakers')}</legend>
        {speakers.fields.map((item, index) => (
          <div key={item.id} className="speaker-row">
            <select aria-label={t('speakers')} {...register(`speakers.${index}.speakerId`)}>
              {options.speakers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <select aria-label={t('role')} {...register(`speakers.${index}.role`)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {names(`roles.${r}`)}
                </option>
              ))}
            </select>
            <select aria-label={t('presence')} {...register(`speakers.${index}.presence`)}>
              <option value="onsite">{t('onsite')}</option>
              <option value="remote">{t('remote')}</option>
            </select>
            <button type="button" className="button secondary small" onClick={() => speakers.remove(index)}>
              {t('remove')}
            </button>
          </div>
        ))}
        {options.speakers[0] && (
          <button
            type="button"
            className="button secondary small"
            onClick={() => speakers.append({ speakerId: options.speakers[0]!.id, role: 'speaker', presence: 'onsite' })}
          >
            {t('addSpeaker')}
          </button>
        )}
        <span className="error" role={errors.speakers?.message ? 'alert' : undefined}>
          {words(errors.speakers?.message) ?? ''}
        </span>
      </fieldset>
      <div className="grid-2">
        <label className="check">
          <input type="checkbox" {...register('streamed')} /> {t('streamed')}
        </label>
        <label className="check">
          <input type="checkbox" {...register('cancelled')} /> {t('cancelled')}
        </label>
        {field('livestreamUrl', <input type="url" {...aria('livestreamUrl')} {...register('livestreamUrl')} />)}
        {field('recordingUrl', <input type="url" {...aria('recordingUrl')} {...register('recordingUrl')} />)}
      </div>
      <fieldset>
        <legend>{t('interpretationUrls')}</legend>
        <p className="muted">{t('interpretationNote')}</p>
        <div className="grid-2">
          {INTERPRETATION_LANGUAGES.map((language) => (
            <div className="field" key={language}>
              <label htmlFor={`s-interpretation-${language}`}>
                {t('interpretationUrl', { language: languageNames.of(language) ?? language })}
              </label>
              <input
                type="url"
                id={`s-interpretation-${language}`}
                aria-describedby="s-interpretationUrls-error"
                {...register(`interpretationUrls.${language}`)}
              />
            </div>
          ))}
        </div>
        <span id="s-interpretationUrls-error" className="error" role={errors.interpretationUrls?.message ? 'alert' : undefined}>
          {words(errors.interpretationUrls?.message) ?? ''}
        </span>
      </fieldset>
      {errors.body?.message && (
        <p className="notice bad" role="alert">
          {words(errors.body.message)}
        </p>
      )}
      {conflicts !== null && (
        <section className={`notice ${conflicts.length ? 'bad' : 'ok'}`} data-testid="conflicts" aria-live="polite">
          <strong>{t('conflictsTitle')}</strong>
          {conflicts.length === 0 ? (
            <p>{t('noConflicts')}</p>
          ) : (
            <>
              <ul>
                {conflicts.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <label className="check">
                <input type="checkbox" {...register('acknowledgeConflicts')} /> {t('acknowledgeConflicts')}
              </label>
            </>
          )}
        </section>
      )}
      <p className="actions">
        <button type="button" className="button secondary" onClick={onCheck} disabled={busy}>
          {t('check')}
        </button>{' '}
        <button type="submit" className="button" disabled={busy}>
          {t('save')}
        </button>
      </p>
    </ClientForm>
  );
}
