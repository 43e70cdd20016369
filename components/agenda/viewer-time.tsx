import { getTranslations } from 'next-intl/server';
import { ViewerZoneLink } from './viewer-zone';
import { SessionTime } from './session-time';
import type { Locale } from '@/lib/i18n/locales';

/** "Your time: …" under a session's own time, when the viewer asked for their zone and it differs. */
export async function ViewerTime({
  start,
  end,
  zone,
  viewerZone,
  locale,
  headingDay,
}: {
  start: Date;
  end: Date;
  zone: string;
  viewerZone: string | undefined;
  locale: Locale;
  headingDay: string | null;
}) {
  if (!viewerZone || viewerZone === zone) return null;
  const t = await getTranslations('agenda');
  return (
    <div className="muted" data-testid="viewer-time">
      {t('yourTime', { time: '' })}
      <SessionTime start={start} end={end} zone={viewerZone} place={viewerZone} locale={locale} headingDay={headingDay} />
    </div>
  );
}

/** The switch between venue times only and venue times plus the viewer's own. */
export async function ViewerZoneSwitch({ current }: { current: string | undefined }) {
  const t = await getTranslations('agenda');
  return <ViewerZoneLink current={current} showLabel={t('showMyZone', { zone: '{zone}' })} hideLabel={t('hideMyZone')} />;
}
