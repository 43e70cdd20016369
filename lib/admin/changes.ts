import type { LocalizedText } from '@/db/schema';
import { localizedText } from '@/lib/i18n/text';

/** The fields whose value differs, with both values, for the audit log. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/**
 * A form that edits the English and Chinese texts keeps what is stored in the other languages: saving
 * it must not erase a Japanese or Thai translation it does not show (docs/languages.md).
 */
export function keepingOtherLanguages(stored: LocalizedText | null | undefined, edited: LocalizedText): LocalizedText {
  const { en: _en, zh: _zh, ...others } = stored ?? { en: '' };
  return { ...others, ...edited };
}

/** `{ en, zh }` without an empty Chinese text, as stored LocalizedText values are (lib/i18n/text.ts). */
export function localized(en: string | undefined, zh: string | undefined): LocalizedText {
  return localizedText({ en, zh });
}
