import { inArray } from 'drizzle-orm';
import { visaLetters } from '@/db/schema';
import type { Db } from '@/db/types';
import type { EventRole } from '@/lib/auth/authorize';
import type { ExtraCsvColumns } from '@/lib/registration/admin/export';
import { unseal } from './passport-crypto';
import type { Passport } from './schema';

/** Only organisers read passport details (the visa letters' register, and the CSV export's option). */
export const PASSPORT_READERS: readonly EventRole[] = ['organiser'];

/**
 * The columns the registrations CSV gains when an organiser chooses to include passport details
 * (never by default): the visa letter request's fields, unsealed, and the request's status.
 */
export const PASSPORT_CSV_COLUMNS = [
  'passport_name',
  'passport_nationality',
  'passport_number',
  'passport_date_of_birth',
  'passport_expiry',
  'visa_letter_status',
] as const;

/** Each registration's passport columns, in PASSPORT_CSV_COLUMNS' order (registrations without a request: none). */
export async function passportCsvValues(db: Db, registrationIds: string[]): Promise<Map<string, string[]>> {
  if (!registrationIds.length) return new Map();
  const letters = await db
    .select({ registrationId: visaLetters.registrationId, sealed: visaLetters.passportSealed, status: visaLetters.status })
    .from(visaLetters)
    .where(inArray(visaLetters.registrationId, registrationIds));
  return new Map(
    letters.map((letter) => {
      const plain = unseal(letter.sealed);
      const p = plain ? (JSON.parse(plain) as Passport) : null;
      return [
        letter.registrationId,
        [
          p?.passportName ?? '',
          p?.nationality ?? '',
          p?.passportNumber ?? '',
          p?.dateOfBirth ?? '',
          p?.passportExpiry ?? '',
          letter.status,
        ],
      ];
    }),
  );
}

/** The registrations CSV's passport option (`passport=1`): organisers only, audited as its own action. */
export const passportCsvColumns: ExtraCsvColumns = {
  readers: PASSPORT_READERS,
  auditAction: 'registration.export.passport',
  header: PASSPORT_CSV_COLUMNS,
  values: passportCsvValues,
};
