import { getTranslations } from 'next-intl/server';
import { formatDay, formatTimeWithZone } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import type { PublicOutcome } from '@/lib/outcomes/public-outcomes';
import { countryName } from '@/lib/registration/admin/country-name';

/** A signing date is a calendar date, not an instant: it is worded as that day wherever the reader is. */
export const signedDay = (date: string, locale: Locale) => formatDay(new Date(`${date}T12:00:00Z`), 'UTC', locale);

/** One public outcome: its title in the page's language (or the fallback), its parties and countries, sector, date and session. */
export async function OutcomeItem({ outcome, slug, locale }: { outcome: PublicOutcome; slug: string; locale: Locale }) {
  const [t, te] = await Promise.all([getTranslations('outcomes'), getTranslations('exhibition')]);
  const session = outcome.session;
  return (
    <li className="card" data-outcome={outcome.id}>
      <p className="badge" style={{ display: 'inline-block' }}>
        {t(`kinds.${outcome.kind}`)}
      </p>
      <h2 style={{ margin: '0.25rem 0', fontSize: '1.1rem', overflowWrap: 'anywhere' }}>{pick(outcome.title, locale)}</h2>
      <dl>
        <dt>{t('public.parties')}</dt>
        <dd>
          <ul data-testid="outcome-parties" style={{ paddingInlineStart: '1.2rem', margin: 0 }}>
            {outcome.parties.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: parties are a fixed list; two may share a name
              <li key={i} style={{ overflowWrap: 'anywhere' }}>
                {p.name} ({countryName(p.country, locale)})
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('public.sector')}</dt>
        <dd>{te(`sectors.${outcome.sector}`)}</dd>
        <dt>{t('public.signedOn')}</dt>
        <dd data-testid="outcome-signed">{signedDay(outcome.signedOn, locale)}</dd>
        {session && (
          <>
            <dt>{t('public.session')}</dt>
            <dd data-testid="outcome-session">
              <a href={`/events/${slug}/sessions/${session.slug}`}>{pick(session.title, locale)}</a> ·{' '}
              {formatDay(session.startsAt, session.timeZone, locale)}{' '}
              {formatTimeWithZone(session.startsAt, session.timeZone, pick(session.city, locale))}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
