'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { z } from 'zod';
import { passwordSignInSchema } from '@/lib/auth/schemas';
import { minutesToWait } from '@/lib/auth/sign-in-refusal';
import { useValidationText } from '@/components/ui/use-validation-text';
import { ClientForm } from '../forms/client-form';

type Input = z.input<typeof passwordSignInSchema>;

const signInFields = [
  { name: 'email', type: 'email', autoComplete: 'username' },
  { name: 'password', type: 'password', autoComplete: 'current-password' },
] as const;

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const words = useValidationText();
  // The page's language: an account without one takes it (lib/auth/account-locale.ts).
  const locale = useLocale();
  // null: no failure; 0: wrong email or password; N: throttled, try again in N minutes.
  const [failed, setFailed] = useState<number | null>(null);
  const { register, handleSubmit, formState } = useFilledForm<Input>({ resolver: zodResolver(passwordSignInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFailed(null);
    const result = await signIn('password', { ...values, locale, redirect: false, callbackUrl });
    if (result?.ok && !result.error) window.location.assign(callbackUrl);
    else setFailed(minutesToWait(result?.error) ?? 0);
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-describedby={failed !== null ? 'signin-failed' : undefined}>
      {failed !== null && (
        <p id="signin-failed" role="alert" className="notice bad">
          {failed > 0 ? t('throttled', { minutes: failed }) : t('failed')}
        </p>
      )}
      {signInFields.map((f) => (
        <SignInField key={f.name} {...f} label={t(f.name)} register={register} error={words(formState.errors[f.name]?.message)} />
      ))}
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </ClientForm>
  );
}

/** One labelled input whose error is read out with it. */
function SignInField({
  name,
  type,
  autoComplete,
  label,
  register,
  error,
}: {
  name: keyof Input;
  type: 'email' | 'password';
  autoComplete: string;
  label: string;
  register: UseFormRegister<Input>;
  error: string | undefined;
}) {
  const id = `signin-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-error`}
        {...register(name)}
      />
      <span id={`${id}-error`} className="error">
        {error ?? ''}
      </span>
    </div>
  );
}
