'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Result } from '@/lib/errors/result';

type Props = { token: string; accept: (token: string) => Promise<Result<{ signInToken: string; callbackUrl: string }>> };

/**
 * Opening the invite link changes nothing (mail scanners follow links); this button accepts it and
 * signs in through the same magic-link provider as the sign-in mail.
 */
export function AcceptInviteButton({ token, accept }: Props) {
  const t = useTranslations('invite');
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <>
      {state === 'failed' && (
        <p role="alert" className="notice bad">
          {t('failed')}
        </p>
      )}
      <button
        className="button"
        type="button"
        disabled={state !== 'idle'}
        onClick={async () => {
          setState('busy');
          const accepted = await accept(token);
          if (!accepted.ok) return setState('failed');
          const result = await signIn('magic-link', { token: accepted.signInToken, redirect: false, callbackUrl: accepted.callbackUrl });
          if (result?.ok && !result.error) window.location.assign(accepted.callbackUrl);
          else setState('failed');
        }}
      >
        {t('accept')}
      </button>
    </>
  );
}
