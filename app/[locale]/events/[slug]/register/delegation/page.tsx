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
import { eventPhase } from '@/lib/events/lifecycle';
import { RegistrationNotOpen } from '@/components/registration/registration-not-open';
import { registerDelegationAction } from './actions';
import { askedQuestionsBySlug } from '@/lib/registration/questions/load';
import { questionsOnForm } from '@/lib/registration/questions/on-form';
import { offeredCategories } from '@/lib/registration/categories/public-categories';
import type { PageProps } from '@/lib/edge/page';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  /** An invitation code, from the invitation link or typed in and applied. */
  code: z.string().max(64).optional().catch(undefined),
});

export default async function RegisterDelegationPage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const agenda = await loadPublicAgenda(slug);
  if (!agenda) notFound();
  const query = querySchema.parse(await props.searchParams);
  const phase = eventPhase(agenda.event, new Date());
  if (phase !== 'open') return <RegistrationNotOpen slug={slug} phase={phase} event={agenda.event} />;
  const db = await getDb();
  const [t, locale, seats, questions, offered] = await Promise.all([
    getTranslations('register'),
    getLocale() as Promise<Locale>,
    seatsLeft(db, agenda.event.id),
    askedQuestionsBySlug(db, slug),
    offeredCategories(db, agenda.event.id, query.code?.trim() || null, new Date()),
  ]);
  return (
    <div style={{ maxWidth: 760 }}>
      <p className="muted">{pick(agenda.event.name, locale)}</p>
      <h1>{t('delegation.title')}</h1>
      <p>{t('delegation.intro')}</p>
      <RegistrationForm
        eventSlug={slug}
        options={registrationFormOptions(agenda, seats, locale)}
        locale={locale}
        preselected={[]}
        action={registerDelegationAction}
        delegation
        messages={(await getMessages()).register as PlainMessages}
        validationMessages={(await getMessages()).validation as PlainMessages}
        questions={questionsOnForm(questions, locale)}
        categories={offered.categories.map((c) => ({
          id: c.id,
          name: pick(c.name, locale),
          description: pick(c.description, locale),
          requiresApproval: c.requiresApproval,
          invitation: c.visibility === 'invitation',
        }))}
        initial={{ category: offered.unlockedBy, code: query.code ?? null, codeRejected: offered.codeRejected }}
      />
    </div>
  );
}
