import { notFound } from 'next/navigation';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { RegistrationForm } from '@/components/registration/registration-form';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { seatsLeft } from '@/lib/agenda/public-agenda';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { registrationFormOptions } from '@/lib/agenda/form-options';
import { registerAction } from './actions';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ session: z.uuid().optional().catch(undefined) });

export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const agenda = await loadPublicAgenda(slug);
  if (!agenda) notFound();
  const query = querySchema.parse(await searchParams);
  const [t, locale, seats] = await Promise.all([
    getTranslations('register'),
    getLocale() as Promise<Locale>,
    seatsLeft(await getDb(), agenda.event.id),
  ]);
  return (
    <div style={{ maxWidth: 760 }}>
      <p className="muted">{pick(agenda.event.name, locale)}</p>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <RegistrationForm
        eventSlug={slug}
        options={registrationFormOptions(agenda, seats, locale)}
        locale={locale}
        preselected={query.session ? [query.session] : []}
        action={registerAction}
        messages={(await getMessages()).register as PlainMessages}
      />
    </div>
  );
}
