'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import type { Result } from '@/lib/errors/result';
import { type PlainMessages, plainTranslator } from '@/lib/i18n/plain-translator';
import { validationTranslator } from '@/lib/validation/translate-validation';
import { type PassportInput, passportSchema } from '@/lib/visa/schema';
import { ClientForm } from '../forms/client-form';

const FIELDS = ['passportName', 'nationality', 'passportNumber', 'dateOfBirth', 'passportExpiry'] as const;

/** A registrant asks for a visa invitation letter with their passport details. */
export function VisaLetterForm({
  token,
  countries,
  action,
  messages,
  validationMessages,
}: {
  token: string;
  countries: { code: string; name: string }[];
  action: (token: string, values: unknown) => Promise<Result>;
  messages: PlainMessages;
  validationMessages: PlainMessages;
}) {
  const t = useMemo(() => plainTranslator(messages), [messages]);
  const words = useMemo(() => validationTranslator(validationMessages), [validationMessages]);
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useFilledForm<PassportInput>({
    resolver: zodResolver(passportSchema) as never,
    defaultValues: { passportName: '', nationality: '', passportNumber: '', dateOfBirth: '', passportExpiry: '' },
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(token, values);
    if (result.ok) {
      saved(t('visa.requested'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('visa.fix'), other: (failure) => failure.error });
  });
  const field = (name: (typeof FIELDS)[number], input: React.ReactNode) => {
    const message = formState.errors[name]?.message;
    return (
      <div className="field" key={name}>
        <label htmlFor={`visa-${name}`}>{t(`visa.${name}`)}</label>
        {input}
        <span id={`visa-${name}-error`} className="error" role={message ? 'alert' : undefined}>
          {message ? words(message) : ''}
        </span>
      </div>
    );
  };
  const aria = (name: (typeof FIELDS)[number]) => ({
    id: `visa-${name}`,
    'aria-invalid': Boolean(formState.errors[name]),
    'aria-describedby': `visa-${name}-error`,
  });
  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="visa-form">
      <FormNotice notice={notice} testId="visa-notice" />
      {field('passportName', <input autoComplete="name" {...aria('passportName')} {...register('passportName')} />)}
      {field(
        'nationality',
        <select {...aria('nationality')} {...register('nationality')}>
          <option value="">{t('choose')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>,
      )}
      {field('passportNumber', <input autoComplete="off" {...aria('passportNumber')} {...register('passportNumber')} />)}
      {field('dateOfBirth', <input type="date" autoComplete="bday" {...aria('dateOfBirth')} {...register('dateOfBirth')} />)}
      {field('passportExpiry', <input type="date" autoComplete="off" {...aria('passportExpiry')} {...register('passportExpiry')} />)}
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('visa.submit')}
      </button>
    </ClientForm>
  );
}
