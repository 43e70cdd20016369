import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ViewerZoneSwitch } from '@/components/agenda/viewer-time';
import { MeetingList } from '@/components/meetings/meeting-list';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { type PageProps, loadSignedInPage, pageInput } from '@/lib/edge/page';
import { exhibitorMeetings } from '@/lib/meetings/exhibitor-staff-meetings';
import { ownExhibitorProfile } from '@/lib/exhibition/staff/own-profile';
import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import type { SlotChoice } from '@/lib/meetings/my-meetings';
import { isValidTimeZone } from '@/lib/time/zones';
import { validationWords } from '@/lib/validation/server-words';
import {
  answerExhibitorMeetingAction,
  blockExhibitorRequesterAction,
  proposeExhibitorTimeAction,
  recordExhibitorOutcomeAction,
} from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitor meetings', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['accept', 'acceptOnline', 'decline', 'cancel', 'outcome', 'proposed', 'block']).optional().catch(undefined),
  error: queryErrorField,
  field: z.string().max(40).optional().catch(undefined),
  tz: z.string().max(64).refine(isValidTimeZone).optional().catch(undefined),
});

/** The exhibitor's meeting requests, answered by its staff as its contact person answers them on their manage link. */
export default async function ExhibitorMeetingsPage(props: PageProps<{ exhibitorId: string }>) {
  const { exhibitorId, query } = await pageInput(props, querySchema);
  if (!z.uuid().safeParse(exhibitorId).success) notFound();
  const here = `/exhibitor/${exhibitorId}`;
  const [profile, view] = await loadSignedInPage(`${here}/meetings`, ({ db, actor }) =>
    Promise.all([ownExhibitorProfile(db, actor, exhibitorId), exhibitorMeetings(db, actor, exhibitorId)]),
  );
  const [t, tp, ta, locale, words] = await Promise.all([
    getTranslations('meetings'),
    getTranslations('exhibition.portal'),
    getTranslations('agenda'),
    getLocale() as Promise<Locale>,
    validationWords(),
  ]);
  // The venue's clock with its zone, and the viewer's own when they asked for it.
  const when = (slot: SlotChoice) => {
    const venue = formatSpan(slot.startsAt, slot.endsAt, slot.zone, pick(slot.venueCity, locale), locale);
    if (!query.tz || query.tz === slot.zone) return venue;
    return `${venue} · ${ta('yourTime', { time: formatSpan(slot.startsAt, slot.endsAt, query.tz, query.tz, locale) })}`;
  };
  const actions = {
    answer: answerExhibitorMeetingAction.bind(null, exhibitorId),
    outcome: recordExhibitorOutcomeAction.bind(null, exhibitorId),
    propose: proposeExhibitorTimeAction.bind(null, exhibitorId),
    block: blockExhibitorRequesterAction.bind(null, exhibitorId),
  };
  return (
    <div style={{ maxWidth: 760 }}>
      <p>
        <a href={here}>← {pick(profile.exhibitor.name, locale)}</a>
      </p>
      <h1>{tp('meetingsTitle')}</h1>
      {query.done && <FocusedNotice tone="ok">{t(`done.${query.done}`)}</FocusedNotice>}
      {query.error && <FocusedNotice tone="bad">{words(query.error)}</FocusedNotice>}
      {!view ? (
        <p className="notice" data-testid="no-answerer">
          {tp('noAnswerer', { email: profile.exhibitor.contactEmail || '—' })}
        </p>
      ) : (
        <>
          <p className="muted">{tp('meetingsIntro', { name: view.answerer.name })}</p>
          <p>
            <ViewerZoneSwitch current={query.tz} />
          </p>
          {[
            { title: t('incoming'), testId: 'meetings-in', list: view.meetings.filter((m) => m.direction === 'in') },
            { title: t('outgoing'), testId: 'meetings-out', list: view.meetings.filter((m) => m.direction === 'out') },
          ].map((part) => (
            <MeetingList
              key={part.testId}
              {...part}
              slots={view.slots}
              locale={locale}
              when={when}
              actions={actions}
              calendarHref={(meetingId) => `${here}/meetings/${meetingId}/meeting.ics`}
            />
          ))}
        </>
      )}
    </div>
  );
}
