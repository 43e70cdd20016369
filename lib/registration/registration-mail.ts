import type { Db } from '@/db/types';
import type { RegistrationMailKind } from '@/emails/registration-email';
import type { InviteParty, InviteSession } from '@/lib/calendar/registration-invite';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { joinUrl } from '@/lib/livestream/join-token';
import { mapUrl } from '@/lib/format/venue-address';
import { loadItinerary, type Itinerary, type ItineraryItem } from '@/lib/registration/itinerary';
import { inviteSession, itineraryWhen, itineraryWhere } from '@/lib/registration/itinerary-text';
import { manageUrl } from '@/lib/registration/manage-token';
import { registrationSubject, type RegistrationMailData } from '@/lib/registration/registration-mail-text';
import { printedShortCode } from '@/lib/tickets/short-code';
import { mailFromAddress } from '@/lib/mail/addresses';
import { enqueueMail, type NewMail } from '@/lib/mail/outbox';

export type { RegistrationMailKind };

/** The Content-ID the mail's HTML shows the ticket by (registration-mail-render.ts attaches it). */
export const TICKET_CID = 'ticket@hybrid-forum';

export type RegistrationMailOptions = {
  /** Sessions the change took away, so their calendar entries are cancelled. */
  removedSessionIds?: string[];
  /** Lines describing programme changes, already in the registrant's language and zone. */
  changes?: string[];
  /** Pending in a full category: the place in its line. */
  categoryPosition?: number;
};

/**
 * Queues the mail that tells a registrant what just happened to their registration: the sessions in
 * their venue's time, the manage link, a calendar invite and, in person, the QR ticket. Must be called
 * with the transaction handle of that change.
 */
export async function queueRegistrationMail(
  tx: Db,
  registrationId: string,
  kind: RegistrationMailKind,
  options: RegistrationMailOptions = {},
): Promise<void> {
  const itinerary = await loadItinerary(tx, registrationId, options.removedSessionIds ?? []);
  if (!itinerary) throw new Error(`registration ${registrationId} not found`);
  await enqueueMail(tx, registrationMail(itinerary, kind, options));
}

/** What the mail is made from: the registration as it will be committed, with its itinerary. */
export type MailItinerary = Pick<Itinerary, 'event' | 'venue' | 'items'> & {
  registration: Pick<
    Itinerary['registration'],
    'id' | 'name' | 'email' | 'locale' | 'mode' | 'status' | 'waitlistPosition' | 'sequence' | 'shortCode'
  > & { mailTo?: string | null };
};

/**
 * The outbox row of a registration mail, without touching the database: a new registration builds it
 * from what it loaded before taking the seat locks, so that nothing is read while it holds them.
 */
export function registrationMail(itinerary: MailItinerary, kind: RegistrationMailKind, options: RegistrationMailOptions = {}): NewMail {
  const removedIds = new Set(options.removedSessionIds ?? []);
  const { registration, event, venue } = itinerary;
  const registrationId = registration.id;
  const locale: Locale = isLocale(registration.locale) ? registration.locale : 'en';
  const cancelled = registration.status === 'cancelled' || kind === 'rejected';
  const sessionCancelled = (item: ItineraryItem) => item.session.status === 'cancelled';
  const held = itinerary.items.filter((item) => item.seat && !cancelled && !sessionCancelled(item));
  const removed = itinerary.items.filter((item) => removedIds.has(item.session.id) || (item.seat && (cancelled || sessionCancelled(item))));
  const withTicket =
    !cancelled &&
    registration.mode === 'in_person' &&
    (registration.status === 'confirmed' || registration.status === 'checked_in') &&
    kind !== 'cancelled';

  const props: RegistrationMailData = {
    locale,
    kind,
    forumName: pick(event.name, locale),
    registrantName: registration.name,
    attendance:
      registration.mode === 'online' || !venue
        ? { mode: 'online' }
        : {
            mode: 'in_person',
            venue: `${pick(venue.name, locale)}, ${pick(venue.city, locale)}`,
            waitlistPosition: registration.waitlistPosition,
            address: venue.address,
            mapUrl: mapUrl(venue.address),
          },
    sessions: held.map((item) => emailSession(item, locale, registrationId)),
    removed: removed.map((item) => ({ title: pick(item.session.title, locale), when: itineraryWhen(item, locale) })),
    changes: options.changes ?? [],
    ...(options.categoryPosition ? { categoryPosition: options.categoryPosition } : {}),
    manageUrl: manageUrl(registrationId),
    ticketCid: withTicket ? TICKET_CID : null,
    ...(withTicket ? { shortCode: printedShortCode(registration.shortCode) } : {}),
  };
  const payload: RegistrationMailPayload = {
    props,
    party: {
      uidPrefix: registrationId,
      sequence: registration.sequence,
      attendee: { name: registration.name, email: registration.email },
      organizer: { name: pick(event.name, 'en'), email: mailFromAddress().address },
    },
    invite: held.length > 0 && kind !== 'manage-link' ? held.map((item) => stored(inviteSession(item, locale, event.slug))) : [],
    cancel: removed.map((item) => stored(inviteSession(item, locale, event.slug))),
    ticketFor: withTicket ? registrationId : null,
  };

  // Only data is written: rendering (React, calendar files, the QR image) happens after commit, so
  // the seat locks the transaction holds are not held while it runs.
  return {
    kind: `registration.${kind}`,
    eventId: event.id,
    registrationId,
    // A delegation member may have chosen that their mail goes to their head (docs/delegations.md).
    toAddress: registration.mailTo ?? registration.email,
    toName: registration.name,
    subject: registrationSubject(locale, kind, pick(event.name, locale), props.sessions),
    template: 'registration',
    payload,
  };
}

export type StoredInviteSession = Omit<InviteSession, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };

/** What a queued registration mail holds until it is rendered. */
export type RegistrationMailPayload = {
  props: RegistrationMailData;
  party: InviteParty;
  invite: StoredInviteSession[];
  cancel: StoredInviteSession[];
  ticketFor: string | null;
};

function stored(session: InviteSession): StoredInviteSession {
  return { ...session, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() };
}

function emailSession(item: ItineraryItem, locale: Locale, registrationId: string): RegistrationMailData['sessions'][number] {
  return {
    title: pick(item.session.title, locale),
    when: itineraryWhen(item, locale),
    where: itineraryWhere(item, locale),
    seat: item.seat
      ? item.seat.status === 'waitlisted'
        ? { status: 'waitlisted', position: item.seat.waitlistPosition ?? 0 }
        : { status: 'confirmed' }
      : null,
    joinUrl: item.presence.kind === 'online' && item.session.streamed ? joinUrl(registrationId, item.session.id) : null,
  };
}
