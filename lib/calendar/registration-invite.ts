import type { EventAttributes } from 'ics';
import { utcSpan } from './utc-span';
import { ICS_PRODUCT_ID, writeCalendar } from './write-calendar';

export type InviteSession = {
  sessionId: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  url: string;
  /** Waitlisted seats go in as tentative, so the slot is held without promising it. */
  tentative: boolean;
  /** Overrides the party's SEQUENCE for this entry (a speaker's follows the session's revision). */
  sequence?: number;
};

/**
 * Whose calendar entries these are. A registrant's UIDs start with the registration id; a speaker's
 * (uidPrefix null) are the session's own, the UIDs of their personal feed, so the two do not
 * duplicate each other in one calendar.
 */
export type InviteParty = {
  uidPrefix: string | null;
  sequence: number;
  attendee: { name: string; email: string };
  organizer: { name: string; email: string };
};

/** One UID per person and session, so each later mail updates the same calendar entry. */
export function inviteUid(uidPrefix: string | null, sessionId: string): string {
  return uidPrefix ? `${uidPrefix}-${sessionId}@hybrid-forum` : `${sessionId}@hybrid-forum`;
}

/**
 * An iTIP message for a registrant's sessions. REQUEST adds or updates entries; CANCEL removes them.
 * SEQUENCE is the registration's, which grows with every change, so calendar apps replace rather
 * than duplicate.
 */
export function registrationInvite(
  party: InviteParty,
  sessions: InviteSession[],
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  /** DTSTAMP, when this message was written (ms since the epoch); now by default. */
  stamp?: number,
): string {
  const events = inviteEvents(party, sessions, method).map((event) => (stamp === undefined ? event : { ...event, timestamp: stamp }));
  return writeCalendar(events, { productId: ICS_PRODUCT_ID, method });
}

/** The calendar entries of a registrant's sessions, for an invite or their personal feed. */
export function inviteEvents(party: InviteParty, sessions: InviteSession[], method: 'REQUEST' | 'CANCEL' | 'PUBLISH'): EventAttributes[] {
  return sessions.map((session) => ({
    uid: inviteUid(party.uidPrefix, session.sessionId),
    sequence: session.sequence ?? party.sequence,
    method,
    ...utcSpan(session.startsAt, session.endsAt),
    title: session.title,
    description: session.description,
    location: session.location,
    url: session.url,
    status: method === 'CANCEL' ? 'CANCELLED' : session.tentative ? 'TENTATIVE' : 'CONFIRMED',
    organizer: { name: party.organizer.name, email: party.organizer.email },
    attendees: [{ name: party.attendee.name, email: party.attendee.email, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
    productId: ICS_PRODUCT_ID,
  }));
}

/** An invite as a mail attachment, its iTIP method in the content type so mail clients offer to update the calendar. */
export function inviteAttachment(filename: string, content: string, method: 'REQUEST' | 'CANCEL') {
  return { filename, contentType: `text/calendar; charset=utf-8; method=${method}`, content, encoding: 'utf8' as const, method };
}
