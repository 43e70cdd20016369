import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { translateFields } from './translate-validation';

/** Field → words in `locale`, for a JSON answer whose fields hold validation keys (message.ts). */
export function fieldWords(fields: Record<string, string>, locale: Locale): Record<string, string> {
  return translateFields(fields, loadMessages(locale).validation as PlainMessages);
}
