import { notFound, redirect } from 'next/navigation';
import { featuredEventSlug } from '@/lib/agenda/load';

type SearchParams = Record<string, string | string[] | undefined>;

/** Sends a short link such as /agenda to the featured forum's page, keeping the query so shared filter links survive. */
export async function redirectToFeatured(section: 'agenda' | 'speakers' | 'register', searchParams: SearchParams): Promise<never> {
  const slug = await featuredEventSlug();
  if (!slug) notFound();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of [value].flat()) if (item !== undefined) query.append(key, item);
  }
  redirect(`/events/${slug}/${section}${query.size ? `?${query}` : ''}`);
}
