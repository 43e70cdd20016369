import { eq } from 'drizzle-orm';
import { events, registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { appEnv } from '@/lib/config/env';
import { conflict, notFound, ok, type Result } from '@/lib/errors/result';
import { formatDay, formatTimeWithZone } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';
import { offsetLabel } from '@/lib/time/zones';
import { certificatePdf } from './certificate-pdf';

const PURPOSE = 'certificate';

/** Why a registration has no certificate (yet); the manage page says it in words. */
export type CertificateState = 'ready' | 'not-yet' | 'not-checked-in';

export const NOT_YET = 'The certificate of attendance is available once the forum has ended.';
export const NOT_CHECKED_IN = 'A certificate of attendance is issued only to attendees who were checked in at their venue.';

/** The code a certificate's verification URL carries: the registration id and a MAC, nothing personal. */
export function certificateCode(registrationId: string): string {
  return signIds(PURPOSE, [registrationId]);
}

export function certificateVerifyUrl(registrationId: string): string {
  return `${appEnv().appUrl}/verify/certificate/${certificateCode(registrationId)}`;
}

/**
 * A certificate attests a check-in recorded at the desk (registrations.checked_in_at, cleared by an
 * undo), and only after the event's end: before it, attendance is not over.
 */
export function certificateState(
  registration: { checkedInAt: Date | null; erasedAt: Date | null },
  event: { endsAt: Date },
  now: Date,
): CertificateState {
  if (now < event.endsAt) return 'not-yet';
  if (!registration.checkedInAt || registration.erasedAt) return 'not-checked-in';
  return 'ready';
}

async function load(db: Db, registrationId: string) {
  const [row] = await db
    .select({ registration: registrations, event: events, venue: venues })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, registrationId));
  return row;
}

/** "Thu 24 Dec 2026 – Sat 26 Dec 2026 (Bangkok, GMT+7)": the days in the zone named. */
function daysText(start: Date, end: Date, zone: string, place: string, locale: Locale): string {
  const first = formatDay(start, zone, locale);
  const last = formatDay(end, zone, locale);
  return `${first === last ? first : `${first} – ${last}`} (${place}, ${offsetLabel(start, zone)})`;
}

/** The certificate PDF for the holder of a manage link, or the reason there is none. */
export async function certificateForManageToken(
  db: Db,
  token: string,
  locale: Locale,
  now = new Date(),
): Promise<Result<{ pdf: Uint8Array; filename: string }>> {
  const id = registrationIdFromManageToken(token);
  const row = id ? await load(db, id) : undefined;
  if (!row || row.registration.erasedAt) return notFound('This link is not valid.');
  const { registration, event, venue } = row;
  const state = certificateState(registration, event, now);
  if (state === 'not-yet') return conflict(NOT_YET);
  if (state === 'not-checked-in') return conflict(NOT_CHECKED_IN);
  const zone = venue?.timeZone ?? event.timeZone;
  const place = venue ? pick(venue.city, locale) : zone.split('/').pop()!.replace(/_/g, ' ');
  const t = translator(locale, 'documents');
  const pdf = await certificatePdf({
    title: t('certificate.title'),
    lines: [
      t('certificate.certifies'),
      registration.name,
      t('certificate.attended', { forum: pick(event.name, locale) }),
      venue ? t('certificate.at', { venue: `${pick(venue.name, locale)}, ${pick(venue.city, locale)}` }) : '',
      daysText(event.startsAt, event.endsAt, zone, place, locale),
      t('certificate.checkedIn', {
        at: `${formatDay(registration.checkedInAt!, zone, locale)} ${formatTimeWithZone(registration.checkedInAt!, zone, place)}`,
      }),
    ],
    verify: t('certificate.verify', { url: certificateVerifyUrl(registration.id) }),
    code: t('certificate.code', { code: registration.shortCode }),
  });
  return ok({ pdf, filename: `certificate-${registration.shortCode}.pdf` });
}

export type CertificateCheck = { valid: true; name: string; forum: string } | { valid: false };

/**
 * What the public verification page shows for a code: the holder's name and that the certificate
 * is valid, nothing else; a forged, altered or erased one is simply not valid.
 */
export async function verifyCertificate(db: Db, code: string, locale: Locale, now = new Date()): Promise<CertificateCheck> {
  const id = verifySignedIds(PURPOSE, code, 1)?.[0];
  const row = id ? await load(db, id) : undefined;
  if (!row || certificateState(row.registration, row.event, now) !== 'ready') return { valid: false };
  return { valid: true, name: row.registration.name, forum: pick(row.event.name, locale) };
}
