import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/process-database';
import { EventHome } from '@/components/event-home';
import { listedEventsUpcomingFirst } from '@/lib/agenda/events';
import { eventOverview } from '@/lib/agenda/overview';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const db = await getDb();
  const [overview, listed] = await Promise.all([eventOverview(db), listedEventsUpcomingFirst(db)]);
  if (!overview) {
    const t = await getTranslations('home');
    return <p>{t('noEvent')}</p>;
  }
  return <EventHome {...overview} otherEvents={listed.filter((e) => e.id !== overview.event.id)} />;
}
