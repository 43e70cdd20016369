import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { credentialsLine, nameWithHonorific, speakerCredentials } from '@/lib/speakers/credentials';

export const dynamic = 'force-dynamic';

export default async function SpeakersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const agenda = await loadPublicAgenda(slug);
  if (!agenda) notFound();
  const [t, locale] = await Promise.all([getTranslations('agenda'), getLocale()]);
  const region = new Intl.DisplayNames([intlLocale(locale as Locale)], { type: 'region' });
  return (
    <>
      <h1>{t('speakersTitle')}</h1>
      <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
        {agenda.speakers.map((s) => {
          const credentials = speakerCredentials(s, locale);
          return (
            <li key={s.id} className="card" data-speaker={s.slug}>
              <h3 style={{ margin: 0 }}>
                <a href={`/events/${slug}/speakers/${s.slug}`}>{nameWithHonorific(s.name, credentials)}</a>
              </h3>
              <p className="muted">
                {[credentialsLine(credentials, locale), region.of(s.country) ?? s.country].filter(Boolean).join(' · ')}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
