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
import { formatDay, formatTimeWithZone, zonePlace } from '@/lib/format/datetime';
import { registerAction } from './actions';
import { askedQuestionsBySlug } from '@/lib/registration/questions/load';
import { questionsOnForm } from '@/lib/registration/questions/on-form';
import { offeredCategories } from '@/lib/registration/categories/public-categories';
import type { PageProps } from '@/lib/edge/page';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  session: z.uuid().optional().catch(undefined),
  /** An invitation code, from the invitation link or typed in and applied. */
  code: z.string().max(64).optional().catch(undefined),
});

export default async function RegisterPage(props: PageProps<{ slug: string }>) {
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
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <RegistrationForm
        eventSlug={slug}
        options={registrationFormOptions(agenda, seats, locale)}
        locale={locale}
        preselected={query.session ? [query.session] : []}
        action={registerAction}
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

/** What a visitor sees instead of the form when registration is not open: why, and what still works. */
async function RegistrationNotOpen({
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
