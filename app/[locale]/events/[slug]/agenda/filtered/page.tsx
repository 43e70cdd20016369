import { notFound } from 'next/navigation';
import { Programme } from '@/components/agenda/programme';

import { loadPublicAgenda } from '@/lib/agenda/load';
import { parseAgendaQuery } from '@/lib/agenda/query';
import { isLocale } from '@/lib/i18n/locales';

export { generateProgrammeMetadata as generateMetadata } from '@/components/agenda/programme';

/** The programme with filters, a search or a viewer time zone (proxy.ts routes queries here). */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FilteredAgendaPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const agenda = await loadPublicAgenda(slug);
  if (!agenda) notFound();
  return <Programme slug={slug} agenda={agenda} query={parseAgendaQuery(await searchParams)} locale={locale} />;
}
