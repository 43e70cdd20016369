import { notFound, redirect } from 'next/navigation';
import { featuredEventSlug } from '@/lib/agenda/load';

export const dynamic = 'force-dynamic';

export default async function AgendaShortcut() {
  const slug = await featuredEventSlug();
  if (!slug) notFound();
  redirect(`/events/${slug}/agenda`);
}
