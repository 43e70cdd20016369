import { eq, sql } from 'drizzle-orm';
import { localeForCountry } from '@/lib/i18n/country-locale';
import { createElement } from 'react';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { SpeakerScheduleEmail } from '@/emails/speaker-schedule-email';
import { renderEmail } from '@/emails/render';
import { inviteAttachment, registrationInvite, type InviteSession } from '@/lib/calendar/registration-invite';
import { appEnv } from '@/lib/config/env';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { speakerScheduleText } from './speaker-schedule-text';
import { mailFromAddress } from '@/lib/mail/addresses';
import { enqueueMail } from '@/lib/mail/outbox';
import { queueRegistrationMail } from '@/lib/registration/registration-mail';
import type { AgendaSession } from '../agenda-session';
import type { PublicAgenda } from '../public-agenda';
import { changeLine } from './change-lines';
import type { AgendaChange } from './diff';
import type { ScheduleAudience } from './audience';

/**
 * Mails everyone a published change affects (`audience`, from scheduleAudience), once each:
 * registrants who chose a changed session get their registration mail with the changes and a
 * re-issued invite (SEQUENCE bumped); speakers get a list of their changed sessions with calendar
 * updates. Runs in the publishing transaction.
 */
export async function notifyScheduleChanges(
  tx: Db,
  agenda: PublicAgenda,
  previous: AgendaSession[],
  audience: ScheduleAudience,
): Promise<{ registrants: number; speakers: number }> {
  const relevant = audience.changes;
  if (relevant.length === 0) return { registrants: 0, speakers: 0 };
  const venueById = new Map(agenda.venues.map((v) => [v.id, v]));
  const venueZone = (locale: Locale) => (venueId: string) => {
    const venue = venueById.get(venueId);
    return venue
      ? { zone: venue.timeZone, place: pick(venue.city, locale) }
      : { zone: agenda.event.timeZone, place: agenda.event.timeZone };
  };

  // Registrants, one mail each.
  for (const notice of audience.registrants) {
    const locale: Locale = isLocale(notice.locale) ? notice.locale : 'en';
    // In person, everything is told in the registrant's venue time; online, in each session's own.
    const zoneFor = notice.mode === 'in_person' && notice.venueId ? () => venueZone(locale)(notice.venueId!) : venueZone(locale);
    const lines = relevant
      .filter((c) => notice.sessionIds.includes(c.sessionId))
      .map((c) => changeLine(c, agenda, locale, zoneFor))
      .filter((line): line is string => Boolean(line));
    await tx
      .update(registrations)
      .set({ sequence: sql`${registrations.sequence} + 1`, updatedAt: new Date() })
      .where(eq(registrations.id, notice.registrationId));
    await queueRegistrationMail(tx, notice.registrationId, 'schedule-changed', { changes: lines });
  }

  // Speakers.
  const sessionsById = new Map([...previous, ...agenda.sessions].map((s) => [s.id, s]));
  const forumName = (locale: Locale) => pick(agenda.event.name, locale);
  for (const { speaker: person, sessionIds } of audience.speakers) {
    const locale: Locale = localeForCountry(person.country);
    const mine = relevant.filter((c) => sessionIds.includes(c.sessionId));
    const lines = mine.map((c) => changeLine(c, agenda, locale, venueZone(locale))).filter((line): line is string => Boolean(line));
    const words = speakerScheduleText(locale, forumName(locale), person.name);
    const { html, text } = await renderEmail(
      createElement(SpeakerScheduleEmail, {
        locale,
        text: words,
        forumName: forumName(locale),
        changes: lines,
        portalUrl: `${appEnv().appUrl}/speaker`,
      }),
    );
    const party = {
      uidPrefix: null,
      sequence: 0,
      attendee: { name: person.name, email: person.email },
      organizer: { name: forumName('en'), email: mailFromAddress().address },
    };
    const invite = (change: AgendaChange): InviteSession => {
      const session = sessionsById.get(change.sessionId)!;
      const venue = venueById.get(session.venueId);
      return {
        sessionId: session.id,
        title: pick(session.title, locale),
        description: pick(session.description, locale),
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        location: venue ? `${pick(venue.name, locale)}, ${pick(venue.city, locale)}` : '',
        url: `${appEnv().appUrl}/events/${agenda.event.slug}/sessions/${session.slug}`,
        tentative: false,
        // Revisions only grow, so calendar apps take each update over the last.
        sequence: session.revision,
      };
    };
    const updated = mine.filter((c) => c.kind !== 'cancelled').map(invite);
    const cancelled = mine.filter((c) => c.kind === 'cancelled').map(invite);
    const attachments = [
      ...(updated.length ? [inviteAttachment('update.ics', registrationInvite(party, updated, 'REQUEST'), 'REQUEST')] : []),
      ...(cancelled.length ? [inviteAttachment('cancel.ics', registrationInvite(party, cancelled, 'CANCEL'), 'CANCEL')] : []),
    ];
    await enqueueMail(tx, {
      kind: 'speaker.schedule-changed',
      eventId: agenda.event.id,
      toAddress: person.email,
      toName: person.name,
      subject: `${words.subject} · ${forumName(locale)}`,
      html,
      text,
      attachments,
    });
  }
  return { registrants: audience.registrants.length, speakers: audience.speakers.length };
}
