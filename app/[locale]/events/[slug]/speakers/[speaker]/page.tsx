import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SessionTimeAt } from '@/components/agenda/session-time';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { pick, pickedLocale } from '@/lib/i18n/text';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { credentialsLine, nameWithHonorific, speakerCredentials } from '@/lib/speakers/credentials';

export const dynamic = 'force-dynamic';

export default async function SpeakerPage({ params }: { params: Promise<{ slug: string; speaker: string }> }) {
  const { slug, speaker: key } = await params;
  const agenda = await loadPublicAgenda(slug);
  const speaker = agenda?.speakers.find((s) => s.slug === key);
  if (!agenda || !speaker) notFound();
  const [t, locale] = await Promise.all([getTranslations('agenda'), getLocale() as Promise<Locale>]);
  const region = new Intl.DisplayNames([intlLocale(locale as Locale)], { type: 'region' });
  const credentials = speakerCredentials(speaker, locale);
  const theirs = agenda.sessions.filter((s) => s.speakers.some((r) => r.speakerId === speaker.id));
  return (
    <article>
      <p className="muted">
        <a href={`/events/${slug}/speakers`}>{t('speakersTitle')}</a>
      </p>
      <h1>{nameWithHonorific(speaker.name, credentials)}</h1>
      <p>{[credentialsLine(credentials, locale), region.of(speaker.country) ?? speaker.country].filter(Boolean).join(' · ')}</p>
      <p lang={pickedLocale(speaker.bio, locale)} data-testid="speaker-bio">
        {pick(speaker.bio, locale)}
      </p>
      <h2>{t('sessionsOf')}</h2>
      <ul>
        {theirs.map((s) => {
          const venue = agenda.venues.find((v) => v.id === s.venueId)!;
          const role = s.speakers.find((r) => r.speakerId === speaker.id)!;
          return (
            <li key={s.id}>
              <SessionTimeAt session={s} venue={venue} locale={locale} headingDay={null} /> —{' '}
              <a href={`/events/${slug}/sessions/${s.slug}`}>{pick(s.title, locale)}</a> ({t(`roles.${role.role}` as never)})
            </li>
          );
        })}
      </ul>
    </article>
  );
}
