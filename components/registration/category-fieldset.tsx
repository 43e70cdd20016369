'use client';

import type { UseFormRegister } from 'react-hook-form';
import type { RegistrationFormValues } from '@/lib/registration/schema';
import { useHydrated } from '../use-hydrated';
import type { RegisterChoice } from '@/components/forms/use-filled-form';

/** A category as the form offers it, already in the page's language. */
export type CategoryOption = { id: string; name: string; description: string; requiresApproval: boolean; invitation: boolean };

type Props = {
  categories: CategoryOption[];
  register: UseFormRegister<RegistrationFormValues>;
  registerChoice: RegisterChoice<RegistrationFormValues>;
  t: (key: string, values?: Record<string, string | number>) => string;
  message: (field: 'category' | 'code') => string | undefined;
  describe: (field: string) => Record<string, unknown>;
  /** The code typed in the field, to open the category it belongs to (reloads the page with ?code=). */
  codeValue: () => string;
};

/**
 * The attendee category and the invitation code. A category shown only with a code appears once the
 * page is opened with a valid one (`?code=` from the invitation link, or typed here and applied);
 * a wrong, expired or used-up code gets one message, whatever the reason.
 */
export function CategoryFieldset({ categories, register, registerChoice, t, message, describe, codeValue }: Props) {
  // The code is applied by a script: before hydration the button would swallow the click.
  const hydrated = useHydrated();
  const applyCode = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('code', codeValue().trim());
    window.location.assign(url.toString());
  };
  return (
    <fieldset aria-describedby="category-error" data-testid="category-fieldset">
      <legend>{t('category')}</legend>
      <p className="muted">{t('categoryHint')}</p>
      {categories.map((c) => (
        <label key={c.id} className="check" data-category={c.id}>
          <input type="radio" {...registerChoice('category', c.id)} />
          <span>
            <strong>{c.name}</strong>
            {c.requiresApproval && <span className="muted"> · {t('needsApproval')}</span>}
            {c.description && (
              <>
                <br />
                <span className="muted">{c.description}</span>
              </>
            )}
          </span>
        </label>
      ))}
      <span id="category-error" className="error" role={message('category') ? 'alert' : undefined}>
        {message('category') ?? ''}
      </span>
      <div className="field" style={{ marginTop: '.75rem' }}>
        <label htmlFor="code">{t('code')}</label>
        <input id="code" autoComplete="off" spellCheck={false} autoCapitalize="characters" {...describe('code')} {...register('code')} />
        <span id="code-error" className="error" role={message('code') ? 'alert' : undefined}>
          {message('code') ?? ''}
        </span>
        <button className="button secondary" type="button" onClick={applyCode} disabled={!hydrated} style={{ marginTop: '.5rem' }}>
          {t('applyCode')}
        </button>
      </div>
    </fieldset>
  );
}
