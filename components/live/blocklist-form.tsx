'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import type { Result } from '@/lib/errors/result';
import { type BlocklistInput, type BlocklistOutput, blocklistInputSchema } from '@/lib/live/blocklist-input';
import { ClientForm } from '../forms/client-form';

type Save = (sessionId: string, values: BlocklistInput) => Promise<Result<{ terms: string[] }>>;

/** The event's held words and phrases, one per line: a question containing one waits for a moderator, flagged. */
export function BlocklistForm({ sessionId, terms, save }: { sessionId: string; terms: string[]; save: Save }) {
  const t = useTranslations('live');
  const words = useValidationText();
  const form = useFilledForm<BlocklistInput, unknown, BlocklistOutput>({
    resolver: zodResolver(blocklistInputSchema),
    defaultValues: { terms: terms.join('\n') },
  });
  const result = useFormResult(form.setError, ['terms']);
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      result.clear();
      const answer = await save(sessionId, form.getValues());
      if (!answer.ok) return result.refused(answer, { fixErrors: t('fixErrors'), other: () => t('refused') });
      form.reset({ terms: answer.terms.join('\n') });
      result.saved(t('blocklistSaved'));
    });
  const message = words(form.formState.errors.terms?.message);
  return (
    <ClientForm className="card" onSubmit={form.handleSubmit(send)} noValidate aria-labelledby="blocklist-heading">
      <h2 id="blocklist-heading">{t('blocklistHeading')}</h2>
      <FormNotice notice={result.notice} testId="blocklist-notice" />
      <label htmlFor="blocklist-terms">{t('blocklistLabel')}</label>
      <textarea
        id="blocklist-terms"
        rows={5}
        aria-invalid={Boolean(message)}
        aria-describedby={message ? 'blocklist-terms-error' : 'blocklist-terms-hint'}
        {...form.register('terms')}
      />
      <p id="blocklist-terms-hint" className="muted">
        {t('blocklistHint')}
      </p>
      {message && (
        <p id="blocklist-terms-error" className="error">
          {message}
        </p>
      )}
      <p>
        <button type="submit" className="button" disabled={pending}>
          {t('saveBlocklist')}
        </button>
      </p>
    </ClientForm>
  );
}
