'use client';

import { useTranslations } from 'next-intl';
import { readValidationMessage } from '@/lib/validation/message';

/** Words, in the page's language, for a validation message from the shared schema or the server. */
export function useValidationText() {
  const t = useTranslations('validation');
  return (message: string | undefined | null): string | undefined => {
    if (!message) return undefined;
    const { key, values } = readValidationMessage(message);
    return t(key, values);
  };
}
