import { notFound } from 'next/navigation';
import { getDb } from '@/lib/database/process-database';
import { EventHome } from '@/components/event-home';
import { eventOverview } from '@/lib/agenda/overview';
import { slugSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

export default async function EventPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const overview = await eventOverview(await getDb(), slug.data);
  if (!overview) notFound();
  return <EventHome {...overview} />;
}
