import { createElement } from 'react';
import type { Db } from '@/db/types';
import { RegistrationEmail, type EmailSession, type RegistrationEmailProps } from '@/emails/registration-email';
import { registrationCopy, type RegistrationMailKind } from '@/emails/registration-copy';
import { renderEmail } from '@/emails/render';
import { registrationInvite } from '@/lib/calendar/registration-invite';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { joinUrl } from '@/lib/livestream/join-token';
import { loadItinerary, type ItineraryItem } from '@/lib/registration/itinerary';
import { inviteSession, itineraryWhen, itineraryWhere } from '@/lib/registration/itinerary-text';
import { manageUrl } from '@/lib/registration/manage-token';
import { ticketPng } from '@/lib/tickets/ticket';
import { mailFromAddress } from './addresses';
import { enqueueMail } from './outbox';

export type { RegistrationMailKind };

const TICKET_CID = 'ticket@hybrid-forum';

export type RegistrationMailOptions = {
  /** Sessions the change took away, so their calendar entries are cancelled. */
  removedSessionIds?: string[];
  /** Lines describing programme changes, already in the registrant's language and zone. */
  changes?: string[];
};

/**
 * Queues the mail that tells a registrant what just happened to their registration: the sessions in
 * their venue's time, the manage link, a calendar invite and, in person, the QR ticket. Must be called
 * with the transaction handle of that change.
 */
export async function queueRegistrationMail(tx: Db, registrationId: string, kind: RegistrationMailKind, options: RegistrationMailOptions = {}): Promise<void> {
  const removedIds = new Set(options.removedSessionIds ?? []);
  const itinerary = await loadItinerary(tx, registrationId, [...removedIds]);
  if (!itinerary) throw new Error(`registration ${registrationId} not found`);
  const { registration, event, venue } = itinerary;
  const locale: Locale = isLocale(registration.locale) ? registration.locale : 'en';
  const copy = registrationCopy(locale);
  const cancelled = registration.status === 'cancelled';
  const sessionCancelled = (item: ItineraryItem) => item.session.status === 'cancelled';
  const held = itinerary.items.filter((item) => item.seat && !cancelled && !sessionCancelled(item));
  const removed = itinerary.items.filter((item) => removedIds.has(item.session.id) || (item.seat && (cancelled || sessionCancelled(item))));
  const withTicket = !cancelled && registration.mode === 'in_person' && registration.status !== 'waitlisted' && kind !== 'cancelled';

  const props: RegistrationEmailProps = {
    locale,
    kind,
    forumName: pick(event.name, locale),
    registrantName: registration.name,
    attendance:
      registration.mode === 'online' || !venue
        ? { mode: 'online' }
        : { mode: 'in_person', venue: `${pick(venue.name, locale)}, ${pick(venue.city, locale)}`, waitlistPosition: registration.waitlistPosition },
    sessions: held.map((item) => emailSession(item, locale, registrationId)),
    removed: removed.map((item) => ({ title: pick(item.session.title, locale), when: itineraryWhen(item, locale) })),
    changes: options.changes ?? [],
    manageUrl: manageUrl(registrationId),
    ticketCid: withTicket ? TICKET_CID : null,
  };
  const { html, text } = await renderEmail(createElement(RegistrationEmail, props));

  const party = {
    uidPrefix: registrationId,
    sequence: registration.sequence,
    attendee: { name: registration.name, email: registration.email },
    organizer: { name: pick(event.name, 'en'), email: mailFromAddress().address },
  };
  const attachments = [];
  if (held.length > 0 && kind !== 'manage-link') {
    attachments.push(calendarAttachment('invite.ics', registrationInvite(party, held.map((item) => inviteSession(item, locale, event.slug)), 'REQUEST'), 'REQUEST'));
  }
  if (removed.length > 0) {
    attachments.push(calendarAttachment('cancel.ics', registrationInvite(party, removed.map((item) => inviteSession(item, locale, event.slug)), 'CANCEL'), 'CANCEL'));
  }
  if (withTicket) {
    attachments.push({ filename: 'ticket.png', contentType: 'image/png', content: (await ticketPng(registrationId)).toString('base64'), encoding: 'base64' as const, cid: TICKET_CID });
  }

  await enqueueMail(tx, {
    kind: `registration.${kind}`,
    eventId: event.id,
    registrationId,
    toAddress: registration.email,
    toName: registration.name,
    subject: `${copy.subject[kind]} · ${pick(event.name, locale)}`,
    html,
    text,
    attachments,
  });
}

function calendarAttachment(filename: string, content: string, method: 'REQUEST' | 'CANCEL') {
  return { filename, contentType: `text/calendar; charset=utf-8; method=${method}`, content, encoding: 'utf8' as const, method };
}

function emailSession(item: ItineraryItem, locale: Locale, registrationId: string): EmailSession {
  return {
    title: pick(item.session.title, locale),
    when: itineraryWhen(item, locale),
    where: itineraryWhere(item, locale),
    seat: item.seat ? (item.seat.status === 'waitlisted' ? { status: 'waitlisted', position: item.seat.waitlistPosition ?? 0 } : { status: 'confirmed' }) : null,
    joinUrl: item.presence.kind === 'online' && item.session.streamed ? joinUrl(registrationId, item.session.id) : null,
  };
}

