import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatTimeWithZone, zonePlace } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';

/** What a visitor sees instead of the form when registration is not open: why, and what still works. */
export async function RegistrationNotOpen({
  slug,
  phase,
  event,
}: {
  slug: string;
  phase: 'draft' | 'upcoming' | 'closed' | 'archived';
  event: { name: Record<string, string | undefined> & { en: string }; registrationOpensAt: Date | null; timeZone: string };
}) {
  const [t, locale] = await Promise.all([getTranslations('register.notOpen'), getLocale() as Promise<Locale>]);
  const opens = event.registrationOpensAt && event.registrationOpensAt > new Date() ? event.registrationOpensAt : null;
  return (
    <div style={{ maxWidth: 760 }} data-testid="registration-not-open" data-phase={phase}>
      <p className="muted">{pick(event.name, locale)}</p>
      <h1>{t(phase === 'upcoming' ? 'upcomingTitle' : 'closedTitle')}</h1>
      <p>
        {phase === 'upcoming'
          ? opens
            ? t('opensOn', {
                when: `${formatDay(opens, event.timeZone, locale)} ${formatTimeWithZone(opens, event.timeZone, zonePlace(event.timeZone))}`,
              })
            : t('notYet')
          : phase === 'archived'
            ? t('archived')
            : t('closed')}
      </p>
      <p>
        <a href={`/events/${slug}/agenda`}>{t('programme')}</a>
      </p>
    </div>
  );
}
