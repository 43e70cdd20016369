import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import { events, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { MeetingEmail } from '@/emails/meeting-email';
import { renderEmail } from '@/emails/render';
import { formatSpan } from '@/lib/format/datetime';
import { localeOrDefault } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { enqueueMail } from '@/lib/mail/outbox';
import { manageUrl } from '@/lib/registration/manage-token';
import type { LockedSlot } from './slot-lock';

export type MeetingMailKind = 'requested' | 'accepted';

type Person = { id: string; name: string; email: string; locale: string; organisation: string };

/**
 * Queues the mail telling `to` about a meeting `from` asked for (requested) or agreed to (accepted),
 * in `to`'s language, with the slot in the venue's time and zone; in the transaction of the change.
 */
export async function queueMeetingMail(
  tx: Db,
  kind: MeetingMailKind,
  meeting: { slot: LockedSlot; tableNo: number | null; online: boolean; meetingUrl: string | null; message: string },
  to: Person,
  from: Person,
): Promise<void> {
  const locale = localeOrDefault(to.locale);
  const t = translator(locale, 'mail');
  const [place] = await tx
    .select({ venueName: venues.name, city: venues.city, zone: venues.timeZone, forum: events.name })
    .from(venues)
    .innerJoin(events, eq(events.id, venues.eventId))
    .where(eq(venues.id, meeting.slot.venueId));
  const forumName = place ? pick(place.forum, locale) : '';
  const city = place ? pick(place.city, locale) : '';
  const who = from.organisation ? `${from.name} (${from.organisation})` : from.name;
  const text = {
    subject: t(`meeting.${kind}.subject`, { name: from.name }),
    greeting: t('meeting.greeting', { name: to.name }),
    lead: t(kind === 'accepted' && meeting.online ? 'meeting.accepted.leadOnline' : `meeting.${kind}.lead`, { name: who }),
    when: formatSpan(meeting.slot.startsAt, meeting.slot.endsAt, place?.zone ?? 'UTC', city, locale),
    where: meeting.online
      ? t(meeting.meetingUrl ? 'meeting.onlineAt' : 'meeting.online')
      : meeting.tableNo === null
        ? t('meeting.venue', { venue: place ? pick(place.venueName, locale) : '' })
        : t('meeting.table', { venue: place ? pick(place.venueName, locale) : '', table: meeting.tableNo }),
    message: kind === 'requested' && meeting.message ? meeting.message : null,
    join: meeting.meetingUrl ? t('meeting.join') : null,
    link: t('meeting.link'),
    footer: t('meeting.footer', { forum: forumName }),
  };
  const url = `${manageUrl(to.id)}/meetings`;
  const { html, text: plain } = await renderEmail(
    createElement(MeetingEmail, { locale, text, forumName, url, joinUrl: meeting.meetingUrl }),
  );
  await enqueueMail(tx, {
    kind: `meeting.${kind}`,
    eventId: meeting.slot.eventId,
    registrationId: to.id,
    toAddress: to.email,
    toName: to.name,
    subject: text.subject,
    html,
    text: plain,
  });
}
