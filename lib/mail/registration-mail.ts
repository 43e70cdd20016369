import { asc, eq } from 'drizzle-orm';
import { events, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { pick } from '@/lib/i18n/text';
import { manageUrl } from '@/lib/registration/manage-token';
import { localDate, localTime, offsetLabel } from '@/lib/time/zones';
import { enqueueMail } from './outbox';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'changed' | 'cancelled' | 'manage-link';

const SUBJECTS: Record<RegistrationMailKind, { en: string; zh: string }> = {
  confirmed: { en: 'Registration confirmed', zh: '报名成功' },
  waitlisted: { en: 'You are on the waitlist', zh: '您已进入候补名单' },
  promoted: { en: 'A seat is now yours', zh: '您已从候补转为正式参会' },
  changed: { en: 'Your registration was updated', zh: '您的报名信息已更新' },
  cancelled: { en: 'Registration cancelled', zh: '报名已取消' },
  'manage-link': { en: 'Your registration and its manage link', zh: '您的报名及管理链接' },
};

/**
 * Queues the mail that tells a registrant what just happened to their registration. Must be called
 * with the transaction handle of that change.
 */
export async function queueRegistrationMail(tx: Db, registrationId: string, kind: RegistrationMailKind): Promise<void> {
  const [row] = await tx
    .select({ registration: registrations, event: events, venue: venues })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, registrationId));
  if (!row) throw new Error(`registration ${registrationId} not found`);
  const { registration, event, venue } = row;
  const locale = registration.locale === 'zh' ? 'zh' : 'en';
  const zone = venue?.timeZone ?? event.timeZone;
  const chosen = await tx
    .select({ session: sessions, seat: registrationSessions })
    .from(registrationSessions)
    .innerJoin(sessions, eq(registrationSessions.sessionId, sessions.id))
    .where(eq(registrationSessions.registrationId, registrationId))
    .orderBy(asc(sessions.startsAt));
  const lines = chosen.map(({ session, seat }) => {
    const when = `${localDate(session.startsAt, zone)} ${localTime(session.startsAt, zone)}–${localTime(session.endsAt, zone)} ${offsetLabel(session.startsAt, zone)}`;
    const state = seat.status === 'waitlisted' ? ` (waitlist #${seat.waitlistPosition})` : '';
    return `- ${when} ${pick(session.title, locale)}${state}`;
  });
  const subject = `${SUBJECTS[kind][locale]}: ${pick(event.name, locale)}`;
  const link = manageUrl(registration.id);
  const text = [`${registration.name},`, '', subject, '', ...lines, '', link].join('\n');
  const html = `<p>${escapeHtml(registration.name)},</p><p>${escapeHtml(subject)}</p><ul>${lines
    .map((l) => `<li>${escapeHtml(l.slice(2))}</li>`)
    .join('')}</ul><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  await enqueueMail(tx, {
    kind: `registration.${kind}`,
    eventId: event.id,
    registrationId,
    toAddress: registration.email,
    toName: registration.name,
    subject,
    html,
    text,
  });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
