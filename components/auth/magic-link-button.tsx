'use client';

import { signIn } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * The emailed link only opens this page; signing in takes a press of the button (a POST), so mail
 * scanners that follow links do not use the single-use token up.
 */
export function MagicLinkButton({ token, callbackUrl }: { token: string; callbackUrl: string }) {
  const t = useTranslations('auth');
  // The page's language: an account without one takes it (lib/auth/account-locale.ts).
  const locale = useLocale();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <>
      {state === 'failed' && (
        <p role="alert" className="notice bad">
          {t('magicFailed')}
        </p>
      )}
      <button
        className="button"
        type="button"
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy');
          const result = await signIn('magic-link', { token, locale, redirect: false, callbackUrl });
          if (result?.ok && !result.error) window.location.assign(callbackUrl);
          else setState('failed');
        }}
      >
        {t('magicSubmit')}
      </button>
    </>
  );
}
