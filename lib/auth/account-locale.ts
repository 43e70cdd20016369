import { and, eq, isNull } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { isLocale, type Locale } from '@/lib/i18n/locales';

/**
 * At a completed sign-in (password or sign-in link), the language of the page it was completed on
 * becomes the account's if the account has none yet. An account that has one keeps it: a sign-in
 * on a borrowed computer or a kiosk in another language is not a choice (docs/languages.md).
 * Anything that is not an interface language changes nothing.
 */
export async function adoptSignInLocale(db: Db, userId: string, pageLocale: unknown): Promise<void> {
  if (!isLocale(pageLocale)) return;
  await db
    .update(users)
    .set({ locale: pageLocale })
    .where(and(eq(users.id, userId), isNull(users.locale)));
}

/** A signed-in person picked a language with the switcher: that is a choice, so it replaces the account's. */
export async function rememberAccountLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
