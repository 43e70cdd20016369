import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/process-database';
import { EventHome } from '@/components/event-home';
import { eventOverview } from '@/lib/agenda/overview';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const overview = await eventOverview(await getDb());
  if (!overview) {
    const t = await getTranslations('home');
    return <p>{t('noEvent')}</p>;
  }
  return <EventHome {...overview} />;
}
