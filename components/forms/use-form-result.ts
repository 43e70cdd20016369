'use client';

import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { Failure } from '@/lib/errors/result';

/** The line above a form that says how its last submit went. */
export type FormNotice = { ok: boolean; text: string };

type RefusalWords = {
  /** The notice when fields are at fault (their own words stand beside them). */
  fixErrors: string;
  /** The notice for any other refusal (not found, forbidden, a conflict…). */
  other: (failure: Failure) => string;
};

/**
 * A server action's answer, shown on a react-hook-form form: field errors beside their fields (the
 * first takes focus, so keyboard and screen-reader users land on it) and one notice above. Only
 * `fields` the form shows are marked; the notice still says something is wrong.
 */
export function useFormResult<Values extends FieldValues>(setError: UseFormSetError<Values>, fields?: readonly string[]) {
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const refused = (failure: Failure, words: RefusalWords) => {
    if (failure.code !== 'invalid') return setNotice({ ok: false, text: words.other(failure) });
    let first = true;
    for (const [name, text] of Object.entries(failure.fields)) {
      if (fields && !fields.includes(name)) continue;
      setError(name as Path<Values>, { message: text }, { shouldFocus: first });
      first = false;
    }
    setNotice({ ok: false, text: words.fixErrors });
  };
  return {
    notice,
    clear: () => setNotice(null),
    saved: (text: string) => setNotice({ ok: true, text }),
    refused,
  };
}
