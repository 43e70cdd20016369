import { getLocale, getTranslations } from 'next-intl/server';
import { DeskBoard } from '@/components/checkin/desk-board';
import { currentActor } from '@/lib/auth/current';
import { DESK } from '@/lib/auth/authorize';
import { deskSummary, deskVenueViews } from '@/lib/checkin/desk-summary';
import { getDb } from '@/lib/database/process-database';
import { loadEventPage } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { countryOptions } from '@/lib/admin/form-options';
import { PARTICIPANT_TYPES } from '@/lib/registration/choices-lists';
import { checkInAction, checkInDelegationAction, deskSummaryAction, searchDeskAction, undoCheckInAction, walkInAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Check-in' };

export default async function CheckInPage({ params }: { params: Promise<{ slug: string; locale: string }> }) {
  const { slug } = await params;
  await loadEventPage(slug, `/admin/events/${slug}/checkin`, async (access) => access, DESK);
  const locale = (await getLocale()) as Locale;
  const venues = deskVenueViews(await deskSummary(await getDb(), await currentActor(), slug), locale);
  const t = await getTranslations('checkin');
  const tr = await getTranslations('register');
  const outcomes = ['checked-in', 'already', 'other-venue', 'not-admitted', 'unknown-code'] as const;
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p>
        <a href={`/admin/events/${slug}/checkin/door`} data-testid="door-link">
          {t('door.link')}
        </a>
      </p>
      <DeskBoard
        slug={slug}
        venues={venues}
        locale={locale}
        countries={countryOptions(locale)}
        badgeHref={`/admin/events/${slug}/checkin/badge/{id}`}
        actions={{
          submit: checkInAction.bind(null, slug),
          undo: undoCheckInAction.bind(null, slug),
          search: searchDeskAction.bind(null, slug),
          checkInDelegation: checkInDelegationAction.bind(null, slug),
          summary: deskSummaryAction.bind(null, slug),
          walkIn: walkInAction.bind(null, slug),
        }}
        labels={{
          venueHeading: t.raw('venueHeading') as string,
          walkIn: {
            heading: t.raw('walkIn.heading') as string,
            name: t('walkIn.name'),
            email: t('walkIn.email'),
            organisation: t('walkIn.organisation'),
            country: t('walkIn.country'),
            participantType: t('walkIn.participantType'),
            consent: t('walkIn.consent'),
            submit: t('walkIn.submit'),
            admitted: t.raw('walkIn.admitted') as string,
            waitlisted: t('walkIn.waitlisted'),
            fixErrors: t('walkIn.fixErrors'),
            refused: t('walkIn.refused'),
            types: Object.fromEntries(PARTICIPANT_TYPES.map((type) => [type, tr(`types.${type}`)])),
          },
          count: t.raw('count') as string,
          search: {
            search: t('search.label'),
            hint: t('search.hint'),
            none: t('search.none'),
            checkIn: t('search.checkIn'),
            checkedIn: t('search.checkedIn'),
            waitlisted: t('search.waitlisted'),
            delegation: {
              // Raw templates: the desk fills in the delegation's name, the count and each member.
              checkIn: t.raw('delegation.checkIn') as string,
              allIn: t.raw('delegation.allIn') as string,
              done: t.raw('delegation.done') as string,
              nobody: t.raw('delegation.nobody') as string,
              already: t.raw('outcome.already') as string,
              otherVenue: t('delegation.otherVenue'),
              unknown: t('delegation.unknown'),
              failed: t('delegation.failed'),
            },
          },
          desk: {
            code: t('code'),
            submit: t('submit'),
            startCamera: t('startCamera'),
            stopCamera: t('stopCamera'),
            cameraUnavailable: t('cameraUnavailable'),
            // Raw templates: the desk fills in name and time per scan.
            outcome: Object.fromEntries(outcomes.map((o) => [o, t.raw(`outcome.${o}`) as string])) as Record<
              (typeof outcomes)[number],
              string
            >,
            status: { waitlisted: t('status.waitlisted'), cancelled: t('status.cancelled'), online: t('status.online') },
            shortCode: t('shortCode'),
            printBadge: t('printBadge'),
            undo: t('undo'),
            undone: t('undone'),
            notCheckedIn: t('notCheckedIn'),
            queued: t.raw('queued') as string,
            tooMany: t('tooMany'),
          },
        }}
      />
    </section>
  );
}
