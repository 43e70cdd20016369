import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';

const cache = new Map<Locale, Record<string, unknown>>();

/**
 * Interface text lives in messages/<locale>/<namespace>.json, one file per area of the product, so
 * areas can be worked on without touching each other's files.
 */
export function loadMessages(locale: Locale): Record<string, unknown> {
  const known = cache.get(locale);
  if (known && process.env.NODE_ENV === 'production') return known;
  const dir = path.join(process.cwd(), 'messages', locale);
  const messages: Record<string, unknown> = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    Object.assign(messages, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  cache.set(locale, messages);
  return messages;
}
