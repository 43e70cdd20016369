'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { passwordSignInSchema } from '@/lib/auth/schemas';

type Input = z.input<typeof passwordSignInSchema>;

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const [failed, setFailed] = useState(false);
  const { register, handleSubmit, formState } = useForm<Input>({ resolver: zodResolver(passwordSignInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFailed(false);
    const result = await signIn('password', { ...values, redirect: false, callbackUrl });
    if (result?.ok && !result.error) window.location.assign(callbackUrl);
    else setFailed(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={failed ? 'signin-failed' : undefined}>
      {failed && (
        <p id="signin-failed" role="alert" className="notice bad">
          {t('failed')}
        </p>
      )}
      <div className="field">
        <label htmlFor="signin-email">{t('email')}</label>
        <input id="signin-email" type="email" autoComplete="username" aria-invalid={Boolean(formState.errors.email)} aria-describedby="signin-email-error" {...register('email')} />
        <span id="signin-email-error" className="error">{formState.errors.email ? `${t('email')}: ${formState.errors.email.message}` : ''}</span>
      </div>
      <div className="field">
        <label htmlFor="signin-password">{t('password')}</label>
        <input id="signin-password" type="password" autoComplete="current-password" aria-invalid={Boolean(formState.errors.password)} aria-describedby="signin-password-error" {...register('password')} />
        <span id="signin-password-error" className="error">{formState.errors.password ? `${t('password')}: ${formState.errors.password.message}` : ''}</span>
      </div>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
