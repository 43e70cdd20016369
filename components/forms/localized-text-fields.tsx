'use client';

import { useMemo } from 'react';
import { useLocale } from 'next-intl';
import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { htmlLang, intlLocale, isLocale } from '@/lib/i18n/locales';
import { CONTENT_LOCALES } from '@/lib/i18n/text';

type Props<Values extends FieldValues> = {
  /** The field's name in the form: its inputs are `<name>.en`, `<name>.zh`… */
  name: string;
  /** Ids start with this (one form may be on a page several times). */
  idPrefix: string;
  /** What the field is, in the page's language: "Room name". Each input reads "Room name (Japanese)". */
  label: string;
  /** The marker beside an empty language, in the page's language: "missing — English is shown". */
  missingLabel: string;
  register: UseFormRegister<Values>;
  /** The current values, to mark the empty ones as they are typed (react-hook-form's watch). */
  values: Record<string, string | undefined> | undefined;
  /** The field's error in the page's language (English's own, or the server's for the whole field). */
  error?: string;
  multiline?: boolean;
  maxLength?: number;
  /** Called when the English input loses focus (a form may make a web address from it). */
  onEnglishBlur?: (value: string) => void;
};

/**
 * A localised field edited in every offered language side by side, each input marked with its
 * `lang` and, when empty, with a "missing" marker saying what readers see instead. English is first
 * and required; the rest fall back (lib/i18n/text.ts).
 */
export function LocalizedTextFields<Values extends FieldValues>(props: Props<Values>) {
  const pageLocale = useLocale();
  const names = useMemo(
    () => new Intl.DisplayNames([intlLocale(isLocale(pageLocale) ? pageLocale : 'en')], { type: 'language' }),
    [pageLocale],
  );
  return (
    <fieldset className="localized-field" data-localized-field={props.name}>
      <legend>{props.label}</legend>
      <div className="grid">
        {CONTENT_LOCALES.map((code) => {
          const id = `${props.idPrefix}-${props.name}-${code}`;
          const empty = !props.values?.[code]?.trim();
          const error = code === 'en' ? props.error : undefined;
          const describedBy = [`${id}-error`, empty && code !== 'en' ? `${id}-missing` : ''].filter(Boolean).join(' ');
          const registered = props.register(`${props.name}.${code}` as Path<Values>);
          const control = {
            ...registered,
            onBlur: (event: { target: { value: string } }) => {
              void registered.onBlur(event);
              if (code === 'en') props.onEnglishBlur?.(event.target.value);
            },
            id,
            lang: htmlLang(code),
            maxLength: props.maxLength,
            'aria-invalid': Boolean(error),
            'aria-describedby': describedBy,
          };
          return (
            <div className="field" key={code} data-lang={code}>
              <label htmlFor={id}>{`${props.label} (${names.of(code) ?? code})`}</label>
              {props.multiline ? <textarea {...control} rows={4} /> : <input {...control} />}
              {empty && code !== 'en' && (
                <span id={`${id}-missing`} className="badge missing" data-missing={code}>
                  {props.missingLabel}
                </span>
              )}
              <span id={`${id}-error`} className="error" role={error ? 'alert' : undefined}>
                {error ?? ''}
              </span>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
