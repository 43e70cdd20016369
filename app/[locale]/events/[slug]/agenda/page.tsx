import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { Programme } from '@/components/agenda/programme';

import { loadPublicAgenda } from '@/lib/agenda/load';
import { parseAgendaQuery } from '@/lib/agenda/query';
import { isLocale } from '@/lib/i18n/locales';

export { generateProgrammeMetadata as generateMetadata } from '@/components/agenda/programme';

/**
 * The unfiltered programme is rendered once per event and language and served from the cache:
 * publishing and venue or speaker edits revalidate it at once (lib/agenda/public-cache.ts); seat
 * counts refresh at most this many seconds late. Filtered views are agenda/filtered.
 */
export const revalidate = 30;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export default async function AgendaPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const agenda = await loadPublicAgenda(slug);
  if (!agenda) notFound();
  return <Programme slug={slug} agenda={agenda} query={parseAgendaQuery({})} locale={locale} />;
}
