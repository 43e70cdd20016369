import { getTranslations } from 'next-intl/server';
import { CheckInDesk } from '@/components/checkin/check-in-desk';
import { loadEventPage } from '@/lib/edge/page';
import { DESK } from '@/lib/auth/authorize';
import { checkInAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Check-in' };

export default async function CheckInPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await loadEventPage(slug, `/admin/events/${slug}/checkin`, async (access) => access, DESK);
  const t = await getTranslations('checkin');
  const outcomes = ['checked-in', 'already', 'other-venue', 'not-admitted', 'unknown-code'] as const;
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <CheckInDesk
        submit={checkInAction.bind(null, slug)}
        labels={{
          code: t('code'),
          submit: t('submit'),
          startCamera: t('startCamera'),
          stopCamera: t('stopCamera'),
          cameraUnavailable: t('cameraUnavailable'),
          // Raw templates: the desk fills in name and time per scan.
          outcome: Object.fromEntries(outcomes.map((o) => [o, t.raw(`outcome.${o}`) as string])) as Record<
            (typeof outcomes)[number],
            string
          >,
          status: { waitlisted: t('status.waitlisted'), cancelled: t('status.cancelled'), online: t('status.online') },
        }}
      />
    </section>
  );
}
