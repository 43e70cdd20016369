import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { MeetingFigures } from '@/lib/outcomes/figures';
import type { OutcomeFigures } from '@/lib/outcomes/figures';
import { countryName } from '@/lib/registration/admin/country-name';

/** The figures the forum reports: outcomes by kind, country and sector, and the meetings held. */
export async function OutcomeFiguresView({
  figures,
  meetings,
  locale,
  testId,
}: {
  figures: OutcomeFigures;
  meetings: MeetingFigures | null;
  locale: Locale;
  testId: string;
}) {
  const [t, te] = await Promise.all([getTranslations('outcomes'), getTranslations('exhibition')]);
  const list = (title: string, rows: { key: string; count: number }[], word: (key: string) => string, name: string) => (
    <div className="card">
      <h3 style={{ marginTop: 0, fontSize: '1rem' }}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('figures.none')}</p>
      ) : (
        <dl data-figures={name}>
          {rows.map((r) => (
            <div key={r.key} data-key={r.key} style={{ display: 'flex', justifyContent: 'space-between', gap: '1rem' }}>
              <dt>{word(r.key)}</dt>
              <dd style={{ margin: 0 }}>{r.count}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
  return (
    <section aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h2 id={`${testId}-heading`}>{t('figures.title')}</h2>
      <p data-testid={`${testId}-total`}>
        {t('figures.total', { count: figures.total })}
        {meetings && (
          <>
            {' '}
            <span data-testid={`${testId}-meetings`}>
              {t('figures.meetings', { accepted: meetings.accepted, withOutcome: meetings.withOutcome, mou: meetings.mouIntended })}
            </span>
          </>
        )}
      </p>
      <div className="grid">
        {list(t('figures.byKind'), figures.byKind, (k) => t(`kinds.${k}`), 'kind')}
        {list(t('figures.byCountry'), figures.byCountry, (k) => countryName(k, locale), 'country')}
        {list(t('figures.bySector'), figures.bySector, (k) => te(`sectors.${k}`), 'sector')}
      </div>
    </section>
  );
}
