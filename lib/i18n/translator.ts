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
export function translator(locale: Locale, namespace: OutsideRequestNamespace): Translate {
  const key = `${locale}:${namespace}`;
  let made = translators.get(key);
  if (!made) {
    made = newTranslator(locale, namespace);
    translators.set(key, made);
  }
  return made;
}

/**
 * One translator per language and namespace for the life of the process: next-intl compiles each
 * message the first time a translator formats it and keeps it in that translator's cache, and a new
 * translator per mail compiled every subject and sentence again (a third of a millisecond per
 * registration for its subject alone).
 */
const translators = new Map<string, Translate>();

function newTranslator(locale: Locale, namespace: OutsideRequestNamespace): Translate {
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

export type Translate = (key: string, values?: Record<string, string | number>) => string;
