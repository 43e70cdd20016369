import { cache } from 'react';
import { getDb } from '@/lib/database/process-database';
import { slugSchema } from '@/lib/validation/common';
import { featuredEvent, publishedEventBySlug } from './events';
import { publicAgenda, type PublicAgenda } from './public-agenda';

/** The published programme of an event by slug (once per request), or undefined. */
export const loadPublicAgenda = cache(async (slug: string): Promise<PublicAgenda | undefined> => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return undefined;
  const db = await getDb();
  const event = await publishedEventBySlug(db, parsed.data);
  return event ? publicAgenda(db, event) : undefined;
});

export async function featuredEventSlug(): Promise<string | undefined> {
  return (await featuredEvent(await getDb()))?.slug;
}
