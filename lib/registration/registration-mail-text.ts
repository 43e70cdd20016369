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
  manageUrl: string;
  ticketCid: string | null;
};

export function registrationSubject(locale: Locale, kind: RegistrationMailKind, forumName: string): string {
  return `${translator(locale, 'mail')(`registration.subject.${kind}`)} · ${forumName}`;
}

/** The template's props: the stored data with every sentence translated from messages/<locale>. */
export function registrationEmailProps(data: RegistrationMailData): RegistrationEmailProps {
  const t = translator(data.locale, 'mail');
  const r = (key: string, values?: Record<string, string | number>) => t(`registration.${key}`, values);
  const attendance =
    data.attendance.mode === 'online'
      ? r('online')
      : [
          r('inPersonAt', { venue: data.attendance.venue }),
          data.attendance.waitlistPosition ? r('waitlistedForVenue', { position: data.attendance.waitlistPosition }) : null,
        ]
          .filter(Boolean)
          .join(' · ');
  return {
    locale: data.locale,
    kind: data.kind,
    forumName: data.forumName,
    text: {
      subject: r(`subject.${data.kind}`),
      lead: r(`lead.${data.kind}`),
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
      changesHeading: r('scheduleChanges'),
      ticket: r('ticket'),
      ticketHelp: r('ticketHelp'),
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
      seatLabel: !seat ? null : seat.status === 'confirmed' ? r('seatConfirmed') : r('seatWaitlisted', { position: seat.position }),
    })),
    removed: data.removed,
    changes: data.changes,
    manageUrl: data.manageUrl,
    ticketCid: data.ticketCid,
  };
}
