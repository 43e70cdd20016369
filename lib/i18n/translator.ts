import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages } from './messages';

/** The namespaces text made outside a request reads: mail, calendar files, publish change lines. */
export type OutsideRequestNamespace = 'mail' | 'calendar' | 'documents' | 'adminReports';

/**
 * A translator over the same messages/<locale> catalogues as the pages, for code that runs without
 * a request (the mail worker, calendar feeds, the publish step), where next-intl's request config
 * does not apply.
 */
export function translator(locale: Locale, namespace: OutsideRequestNamespace) {
  // The catalogues are read from disk, so their keys are not known to the type checker. A missing
  // key throws rather than mailing its name to someone: tests/unit/mail-messages.test.ts renders
  // every mail and calendar text in every locale, so a key missing from one fails there first.
  const t = createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace,
    onError: (error) => {
      throw error;
    },
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (key: string, values?: Record<string, string | number>): string => t(key, values);
}

export type Translate = ReturnType<typeof translator>;
