import { revalidatePath } from 'next/cache';
import { dropCachedPages } from '@/lib/agenda/published-page-cache';
import { locales } from '@/lib/i18n/locales';
import { log } from '@/lib/observability/log';
import { announceProgrammeChange } from './programme-changes';
import { programmePath } from './programme-path';
import { dropSessionsSnapshots } from './sessions-snapshot';

/**
 * Drops the cached programme pages (app/[locale]/events/[slug]/agenda) of one event, or of every event
 * when a change can touch several (a speaker's own profile), so the next visitor gets a fresh render:
 * in Next.js's page cache and in the server's in-memory copy of it (lib/server/published-pages.ts).
 * Call it from server actions after a change to what the public programme shows: a publish, venues,
 * rooms, speakers. The cache is per app instance: the other instances are told through PostgreSQL
 * (lib/agenda/programme-changes.ts) and drop and re-render theirs within a second.
 */
export function refreshPublicProgramme(eventSlug?: string): void {
  void announceProgrammeChange(eventSlug).catch((error) => log().error({ err: error, eventSlug }, 'programme change: announcing failed'));
  dropSessionsSnapshots(eventSlug);
  if (!eventSlug) {
    revalidatePath('/[locale]/events/[slug]/agenda', 'page');
    dropCachedPages();
    return;
  }
  for (const locale of locales) revalidatePath(`/${locale}${programmePath(eventSlug)}`);
  dropCachedPages(programmePath(eventSlug));
}
