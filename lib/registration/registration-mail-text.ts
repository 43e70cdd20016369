import type { RegistrationEmailProps, RegistrationMailKind } from '@/emails/registration-email';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/translator';

/**
 * What a queued registration mail stores: data only, the words are chosen when it is rendered. The
 * shape is the one rows already in the outbox carry, so those still render after an upgrade.
 */
export type RegistrationMailData = {
  locale: Locale;
  kind: RegistrationMailKind;
  forumName: string;
  registrantName: string;
  attendance:
    | { mode: 'in_person'; venue: string; waitlistPosition: number | null; address?: string; mapUrl?: string | null }
    | { mode: 'online' };
  sessions: {
    title: string;
    when: string;
    where: string;
    seat: { status: 'confirmed' } | { status: 'waitlisted'; position: number } | null;
    joinUrl: string | null;
  }[];
  removed: { title: string; when: string }[];
  changes: string[];
  /** Pending in a full category: the place in its line (older rows have none). */
  categoryPosition?: number;
  manageUrl: string;
  ticketCid: string | null;
  /** The ticket's short code as printed ("K7M2-9XQA"), for the desk when the QR cannot be scanned (older rows have none). */
  shortCode?: string;
};

type MailSession = RegistrationMailData['sessions'][number];

/** The sessions whose seat the registrant is still waiting for, with their place in line. */
function waitlistedSessions(sessions: readonly MailSession[]): { title: string; position: number }[] {
  return sessions.flatMap((s) => (s.seat?.status === 'waitlisted' ? [{ title: s.title, position: s.seat.position }] : []));
}

/**
 * Which subject and lead a mail takes: a new registration that waits for a session's seat says so
 * from the subject on, not "Your place is confirmed" above one "waitlist #1" line.
 */
function wording(kind: RegistrationMailKind, sessions: readonly MailSession[]): string {
  return kind === 'confirmed' && waitlistedSessions(sessions).length > 0 ? 'confirmedSessionWaitlist' : kind;
}

export function registrationSubject(
  locale: Locale,
  kind: RegistrationMailKind,
  forumName: string,
  sessions: readonly MailSession[] = [],
): string {
  const count = waitlistedSessions(sessions).length;
  return `${translator(locale, 'mail')(`registration.subject.${wording(kind, sessions)}`, { count })} · ${forumName}`;
}

/**
 * The template's props: the stored data with every sentence translated from messages/<locale>.
 * `place` writes a place in line (by default as its digits, as the messages' {position} does): the
 * shared render (shared-render.ts) writes marks in their stead.
 */
export function registrationEmailProps(
  data: RegistrationMailData,
  place: (position: number) => string | number = (position) => position,
): RegistrationEmailProps {
  const t = translator(data.locale, 'mail');
  const r = (key: string, values?: Record<string, string | number>) => t(`registration.${key}`, values);
  const attendance =
    data.attendance.mode === 'online'
      ? r('online')
      : [
          r('inPersonAt', { venue: data.attendance.venue }),
          data.attendance.waitlistPosition ? r('waitlistedForVenue', { position: place(data.attendance.waitlistPosition) }) : null,
        ]
          .filter(Boolean)
          .join(' · ');
  const waiting = waitlistedSessions(data.sessions);
  return {
    locale: data.locale,
    kind: data.kind,
    forumName: data.forumName,
    text: {
      subject: r(`subject.${wording(data.kind, data.sessions)}`, { count: waiting.length }),
      lead: r(`lead.${wording(data.kind, data.sessions)}`, {
        count: waiting.length,
        sessions: waiting.map((s) => r('waitlistedSession', { title: s.title, position: place(s.position) })).join(r('listSeparator')),
        position: place(data.categoryPosition ?? (data.attendance.mode === 'in_person' ? (data.attendance.waitlistPosition ?? 0) : 0)),
      }),
      greeting: r('greeting', { name: data.registrantName }),
      footer: r('footer', { forum: data.forumName }),
      attendanceHeading: r('attendance'),
      attendance,
      map: r('map'),
      sessionsHeading: r('sessions'),
      noSessions: r('noSessions'),
      joinOnline: r('joinOnline'),
      joinHowTo: r('joinHowTo'),
      removedHeading: r('removed'),
      changesHeading: r(data.kind === 'approved' || data.kind === 'rejected' ? 'organiserMessage' : 'scheduleChanges'),
      ticket: r('ticket'),
      ticketHelp: r('ticketHelp'),
      shortCode: data.shortCode ? r('shortCode', { code: data.shortCode }) : '',
      manage: r('manage'),
      manageHelp: r('manageHelp'),
      calendarHelp: r('calendarHelp'),
    },
    attendance:
      data.attendance.mode === 'online'
        ? { mode: 'online' }
        : { mode: 'in_person', address: data.attendance.address, mapUrl: data.attendance.mapUrl },
    sessions: data.sessions.map(({ seat, ...session }) => ({
      ...session,
      seatLabel: !seat ? null : seat.status === 'confirmed' ? r('seatConfirmed') : r('seatWaitlisted', { position: place(seat.position) }),
    })),
    removed: data.removed,
    changes: data.changes,
    manageUrl: data.manageUrl,
    ticketCid: data.ticketCid,
    shortCode: data.shortCode ?? null,
  };
}
