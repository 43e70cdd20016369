'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { passwordSignInSchema } from '@/lib/auth/schemas';
import { minutesToWait } from '@/lib/auth/sign-in-refusal';
import { useValidationText } from '@/components/ui/use-validation-text';

type Input = z.input<typeof passwordSignInSchema>;

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const words = useValidationText();
  // null: no failure; 0: wrong email or password; N: throttled, try again in N minutes.
  const [failed, setFailed] = useState<number | null>(null);
  const { register, handleSubmit, formState } = useForm<Input>({ resolver: zodResolver(passwordSignInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFailed(null);
    const result = await signIn('password', { ...values, redirect: false, callbackUrl });
    if (result?.ok && !result.error) window.location.assign(callbackUrl);
    else setFailed(minutesToWait(result?.error) ?? 0);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={failed !== null ? 'signin-failed' : undefined}>
      {failed !== null && (
        <p id="signin-failed" role="alert" className="notice bad">
          {failed > 0 ? t('throttled', { minutes: failed }) : t('failed')}
        </p>
      )}
      <div className="field">
        <label htmlFor="signin-email">{t('email')}</label>
        <input
          id="signin-email"
          type="email"
          autoComplete="username"
          aria-invalid={Boolean(formState.errors.email)}
          aria-describedby="signin-email-error"
          {...register('email')}
        />
        <span id="signin-email-error" className="error">
          {words(formState.errors.email?.message) ?? ''}
        </span>
      </div>
      <div className="field">
        <label htmlFor="signin-password">{t('password')}</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(formState.errors.password)}
          aria-describedby="signin-password-error"
          {...register('password')}
        />
        <span id="signin-password-error" className="error">
          {words(formState.errors.password?.message) ?? ''}
        </span>
      </div>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
