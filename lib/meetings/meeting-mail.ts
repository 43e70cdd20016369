import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { OutboxAttachment } from '@/db/schema';
import { events, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { MeetingEmail } from '@/emails/meeting-email';
import { renderEmail } from '@/emails/render';
import { inviteAttachment } from '@/lib/calendar/registration-invite';
import { formatSpan } from '@/lib/format/datetime';
import { localeOrDefault } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { enqueueMail } from '@/lib/mail/outbox';
import { manageUrl } from '@/lib/registration/manage-token';
import { meetingCalendar, type MeetingCalendarEntry } from './meeting-calendar';

export type MeetingMailKind =
  | 'requested'
  | 'accepted'
  | 'declined'
  | 'cancelled'
  | 'cancelledByYou'
  | 'withdrawn'
  | 'cancelledWithRegistration'
  | 'proposed'
  | 'reminder';

type Person = { id: string; name: string; email: string; locale: string; organisation: string };

/** What a mail or a calendar entry says about a meeting. */
export type MeetingFacts = {
  id: string;
  slot: { eventId: string; venueId: string; startsAt: Date; endsAt: Date };
  tableNo: number | null;
  online: boolean;
  meetingUrl: string | null;
  message: string;
};

/**
 * A meeting's time (on the venue's clock, with its zone), place and calendar entry in `to`'s
 * language, as `from` is the other side.
 */
export async function describeMeeting(db: Db, meeting: MeetingFacts, to: Person, from: Person) {
  const locale = localeOrDefault(to.locale);
  const t = translator(locale, 'mail');
  const [place] = await db
    .select({ venueName: venues.name, city: venues.city, zone: venues.timeZone, forum: events.name })
    .from(venues)
    .innerJoin(events, eq(events.id, venues.eventId))
    .where(eq(venues.id, meeting.slot.venueId));
  const venue = place ? pick(place.venueName, locale) : '';
  const when = formatSpan(meeting.slot.startsAt, meeting.slot.endsAt, place?.zone ?? 'UTC', place ? pick(place.city, locale) : '', locale);
  const where = meeting.online
    ? t(meeting.meetingUrl ? 'meeting.onlineAt' : 'meeting.online')
    : meeting.tableNo === null
      ? t('meeting.venue', { venue })
      : t('meeting.table', { venue, table: meeting.tableNo });
  const url = `${manageUrl(to.id)}/meetings`;
  const who = from.organisation ? `${from.name} (${from.organisation})` : from.name;
  const calendar: MeetingCalendarEntry = {
    id: meeting.id,
    startsAt: meeting.slot.startsAt,
    endsAt: meeting.slot.endsAt,
    title: t('meeting.calendarTitle', { name: who }),
    description: [when, where, meeting.meetingUrl ?? ''].filter(Boolean).join('\n'),
    location: meeting.meetingUrl ?? where,
    url,
  };
  return { locale, t, forumName: place ? pick(place.forum, locale) : '', who, when, where, url, calendar };
}

export type MeetingMailOptions = {
  /** Held in the outbox until then (a reminder); delivered as soon as possible otherwise. */
  notBefore?: Date;
  /** The meeting as a calendar entry: added (REQUEST) or removed (CANCEL). */
  calendar?: 'REQUEST' | 'CANCEL';
};

/**
 * Queues the mail telling `to` about a meeting with `from` — asked, accepted, declined, cancelled,
 * another time proposed, or starting in an hour — in `to`'s language, with the slot in the venue's
 * time and zone; in the transaction of the change. Answers the outbox id.
 */
export async function queueMeetingMail(
  tx: Db,
  kind: MeetingMailKind,
  meeting: MeetingFacts,
  to: Person,
  from: Person,
  options: MeetingMailOptions = {},
): Promise<string> {
  const d = await describeMeeting(tx, meeting, to, from);
  const text = {
    subject: d.t(`meeting.${kind}.subject`, { name: from.name }),
    greeting: d.t('meeting.greeting', { name: to.name }),
    lead: d.t(meeting.online && (kind === 'accepted' || kind === 'reminder') ? `meeting.${kind}.leadOnline` : `meeting.${kind}.lead`, {
      name: d.who,
    }),
    when: d.when,
    where: d.where,
    message: (kind === 'requested' || kind === 'proposed') && meeting.message ? meeting.message : null,
    join: meeting.meetingUrl ? d.t('meeting.join') : null,
    link: d.t('meeting.link'),
    footer: d.t('meeting.footer', { forum: d.forumName }),
  };
  const { html, text: plain } = await renderEmail(
    createElement(MeetingEmail, { locale: d.locale, text, forumName: d.forumName, url: d.url, joinUrl: meeting.meetingUrl }),
  );
  const attachments: OutboxAttachment[] = options.calendar
    ? [inviteAttachment('meeting.ics', meetingCalendar(d.calendar, options.calendar), options.calendar)]
    : [];
  return enqueueMail(tx, {
    kind: `meeting.${kind}`,
    eventId: meeting.slot.eventId,
    registrationId: to.id,
    toAddress: to.email,
    toName: to.name,
    subject: text.subject,
    html,
    text: plain,
    attachments,
    notBefore: options.notBefore,
  });
}
