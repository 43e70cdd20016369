import { plainTranslator, type PlainMessages } from '@/lib/i18n/plain-translator';
import { readValidationMessage } from './message-keys';

/** Words for a validation message (see message.ts), from the `validation` messages of the reader's language. */
export function validationTranslator(messages: PlainMessages) {
  const t = plainTranslator(messages);
  return (message: string | undefined | null): string => {
    const { key, values } = readValidationMessage(message);
    return t(key, values);
  };
}

/** Field → words, for a JSON answer or a page that lists the problems. */
export function translateFields(fields: Record<string, string>, messages: PlainMessages): Record<string, string> {
  const words = validationTranslator(messages);
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, words(message)]));
}
