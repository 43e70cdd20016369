import { and, eq, type SQL, sql } from 'drizzle-orm';
import { attendeeCategories, events, registrations, venues, visaLetters } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventAccess } from '@/lib/admin/event-access';
import { documentSettingsFor, fillLetterBody, imageBytes } from '@/lib/documents/settings';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { appEnv } from '@/lib/config/env';
import { conflict, invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { formatDay } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { type AfterApproval, approveRegistrations } from '@/lib/registration/admin/categories/decide';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';
import { localDate, offsetLabel } from '@/lib/time/zones';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { queueLetterIssuedMail } from './letter-mail';
import { letterPdf } from './letter-pdf';
import { seal, unseal } from './passport-crypto';
import { type Passport, passportSchema } from './schema';

const PURPOSE = 'visa-letter';
/** Only organisers read passport details and issue letters. */
const ISSUERS = ['organiser'] as const;

export const ALREADY_ISSUED = 'An invitation letter has already been issued for this registration.';
export const NOT_IN_PERSON = 'Invitation letters are for people attending in person.';
export const NOT_ISSUED = 'The invitation letter has not been issued yet.';

export function letterCode(letterId: string): string {
  return signIds(PURPOSE, [letterId]);
}

export function letterVerifyUrl(letterId: string): string {
  return `${appEnv().appUrl}/verify/letter/${letterCode(letterId)}`;
}

async function holder(db: Db, token: string) {
  const id = registrationIdFromManageToken(token);
  if (!id) return undefined;
  const [row] = await db
    .select({ registration: registrations, event: events, venue: venues })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, id));
  return row && !row.registration.erasedAt ? row : undefined;
}

/**
 * A registrant asks for a letter from their manage page with their passport details, stored sealed.
 * Asking again before issue replaces the details; after issue it is refused.
 */
export async function requestVisaLetter(db: Db, token: string, input: unknown, now = new Date()): Promise<Result<{ letterId: string }>> {
  const row = await holder(db, token);
  if (!row) return notFound('This link is not valid.');
  const { registration, event, venue } = row;
  if (registration.mode !== 'in_person' || registration.status === 'cancelled' || !venue) return conflict(NOT_IN_PERSON);
  const parsed = passportSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (parsed.data.passportExpiry <= localDate(event.endsAt, venue.timeZone)) return invalid({ passportExpiry: vmsg('passportExpiry') });
  const sealed = seal(JSON.stringify(parsed.data));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(visaLetters).where(eq(visaLetters.registrationId, registration.id)).for('update');
    if (existing?.status === 'issued') return conflict(ALREADY_ISSUED);
    const [saved] = existing
      ? await tx
          .update(visaLetters)
          .set({ passportSealed: sealed, status: 'requested', requestedAt: now, decidedAt: null, decidedBy: null })
          .where(eq(visaLetters.id, existing.id))
          .returning({ id: visaLetters.id })
      : await tx
          .insert(visaLetters)
          .values({ eventId: event.id, registrationId: registration.id, passportSealed: sealed, requestedAt: now })
          .returning({ id: visaLetters.id });
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: null,
      action: 'visa.request',
      entity: 'registration',
      entityId: registration.id,
    });
    return ok({ letterId: saved!.id });
  });
}

export type LetterRow = {
  id: string;
  registrationId: string;
  name: string;
  email: string;
  status: string;
  referenceNumber: number | null;
  requestedAt: Date;
  passport: Passport | null;
};

/** The register of requests and issued letters with the passport details, for organisers only; the reading is audited. */
export async function listVisaLetters(db: Db, actor: Actor | null, slug: string): Promise<LetterRow[]> {
  const { event } = await eventAccess(db, actor, slug, [...ISSUERS]);
  const rows = await db
    .select({ letter: visaLetters, name: registrations.name, email: registrations.email })
    .from(visaLetters)
    .innerJoin(registrations, eq(visaLetters.registrationId, registrations.id))
    .where(eq(visaLetters.eventId, event.id))
    .orderBy(visaLetters.requestedAt);
  await recordAudit(db, {
    eventId: event.id,
    actorUserId: actor!.userId,
    action: 'visa.read',
    entity: 'registration',
    details: { count: rows.length },
  });
  return rows.map(({ letter, name, email }) => {
    const plain = unseal(letter.passportSealed);
    return {
      id: letter.id,
      registrationId: letter.registrationId,
      name,
      email,
      status: letter.status,
      referenceNumber: letter.referenceNumber,
      requestedAt: letter.requestedAt,
      passport: plain ? (JSON.parse(plain) as Passport) : null,
    };
  });
}

/** Reads the event's next letter reference number inside the deciding transaction. */
export type NextReference = (tx: Db, eventId: string) => Promise<number>;

const nextAfterMax = async (tx: Db, eventId: string) =>
  (
    await tx
      .select({ n: sql<number>`coalesce(max(${visaLetters.referenceNumber}), 0)::int + 1` })
      .from(visaLetters)
      .where(eq(visaLetters.eventId, eventId))
  )[0]!.n;

/**
 * Locks the event row, then reads the highest number given: a second organiser issuing at the same
 * moment waits until this issue has committed, then reads its number and takes the next one.
 */
export const lockNextReference: NextReference = async (tx, eventId) => {
  await tx.execute(sql`select id from events where id = ${eventId} for update`);
  return nextAfterMax(tx, eventId);
};

/** The same read without the lock. Only for the negative-control test, which must then see one number read twice. */
export const readNextReferenceWithoutLocking: NextReference = nextAfterMax;

/**
 * An organiser issues (or refuses) a requested letter. Issuing gives the next reference number of
 * the event: the event row is locked for it, so two organisers issuing at once get two numbers.
 * An issued letter's mail (its reference, the link to the manage page) is queued in the same transaction.
 */
export async function decideVisaLetter(
  db: Db,
  actor: Actor | null,
  slug: string,
  letterId: string,
  decision: 'issue' | 'refuse',
  now = new Date(),
  nextReference: NextReference = lockNextReference,
): Promise<Result<{ referenceNumber: number | null }>> {
  const { event } = await eventAccess(db, actor, slug, [...ISSUERS]);
  return decideLetter(db, event, actor!.userId, eq(visaLetters.id, letterId), decision, now, nextReference);
}

/**
 * Approving a registration of a category with visa support issues the letter its registrant asked
 * for (nothing when they have not asked, it was issued already, or the category has no visa
 * support); run by the approval after its own transaction has committed, the approving organiser
 * being the issuer.
 */
export const issueLetterOnApproval: AfterApproval = async (db, { event, registrationId, categoryId, byUserId }) => {
  const [category] = await db
    .select({ visaSupport: attendeeCategories.visaSupport })
    .from(attendeeCategories)
    .where(eq(attendeeCategories.id, categoryId));
  if (!category?.visaSupport) return;
  await decideLetter(db, event, byUserId, eq(visaLetters.registrationId, registrationId), 'issue', new Date(), lockNextReference, {
    onlyRequested: true,
  });
};

/** The organisers' approval of pending registrations, issuing the letters of visa-support categories. */
export function approveRegistrationsWithLetters(db: Db, actor: Actor | null, slug: string, raw: unknown) {
  return approveRegistrations(db, actor, slug, raw, { afterApproval: issueLetterOnApproval });
}

async function decideLetter(
  db: Db,
  event: { id: string; startsAt: Date },
  byUserId: string,
  which: SQL,
  decision: 'issue' | 'refuse',
  now: Date,
  nextReference: NextReference,
  options: { onlyRequested?: boolean } = {},
): Promise<Result<{ referenceNumber: number | null }>> {
  return db.transaction(async (tx) => {
    const next = await nextReference(tx, event.id);
    const [letter] = await tx
      .select()
      .from(visaLetters)
      .where(and(which, eq(visaLetters.eventId, event.id)));
    if (!letter) return notFound('There is no such letter request.');
    if (letter.status === 'issued') return conflict(ALREADY_ISSUED);
    if (options.onlyRequested && letter.status !== 'requested') return conflict(NOT_ISSUED);
    const referenceNumber = decision === 'issue' ? next : null;
    await tx
      .update(visaLetters)
      .set({ status: decision === 'issue' ? 'issued' : 'refused', referenceNumber, decidedAt: now, decidedBy: byUserId })
      .where(eq(visaLetters.id, letter.id));
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: byUserId,
      action: decision === 'issue' ? 'visa.issue' : 'visa.refuse',
      entity: 'registration',
      entityId: letter.registrationId,
      details: { referenceNumber },
    });
    if (referenceNumber !== null)
      await queueLetterIssuedMail(tx, event.id, letter.registrationId, letterReference(event.startsAt, referenceNumber));
    return ok({ referenceNumber });
  });
}

/** "HF-2026-0007": the reference printed on a letter, per event and year. */
export function letterReference(eventStartsAt: Date, referenceNumber: number): string {
  return `HF-${eventStartsAt.getUTCFullYear()}-${String(referenceNumber).padStart(4, '0')}`;
}

/** The registrant's issued letter as a PDF, in their page's language; nothing before it is issued. */
export async function visaLetterForManageToken(
  db: Db,
  token: string,
  locale: Locale,
  now = new Date(),
): Promise<Result<{ pdf: Uint8Array; filename: string }>> {
  const row = await holder(db, token);
  if (!row?.venue) return notFound('This link is not valid.');
  const [letter] = await db.select().from(visaLetters).where(eq(visaLetters.registrationId, row.registration.id));
  if (letter?.status !== 'issued' || letter.referenceNumber === null) return conflict(NOT_ISSUED);
  const passport = JSON.parse(unseal(letter.passportSealed) ?? 'null') as Passport | null;
  if (!passport) return conflict(NOT_ISSUED);
  const { event, venue } = row;
  const t = translator(locale, 'documents');
  const zone = venue.timeZone;
  const forum = pick(event.name, locale);
  const reference = letterReference(event.startsAt, letter.referenceNumber);
  const settings = await documentSettingsFor(db, event.id);
  const from = formatDay(event.startsAt, zone, locale);
  const to = formatDay(event.endsAt, zone, locale);
  const where = `${pick(venue.name, locale)}, ${venue.address ?? pick(venue.city, locale)}`;
  const template = settings.letterBody ? pick(settings.letterBody, locale) : '';
  const body = template
    ? fillLetterBody(template, {
        name: passport.passportName,
        nationality: passport.nationality,
        passportNumber: passport.passportNumber,
        passportExpiry: passport.passportExpiry,
        dateOfBirth: passport.dateOfBirth,
        forum,
        from,
        to,
        venue: where,
        reference,
      })
    : [
        t('letter.invites', { forum }),
        t('letter.name', { name: passport.passportName }),
        t('letter.nationality', { nationality: passport.nationality }),
        t('letter.passport', { number: passport.passportNumber, expiry: passport.passportExpiry }),
        t('letter.dateOfBirth', { date: passport.dateOfBirth }),
        t('letter.dates', { from, to, zone: `${pick(venue.city, locale)}, ${offsetLabel(event.startsAt, zone)}` }),
        t('letter.venue', { venue: where }),
        t('letter.costs'),
      ];
  const pdf = await letterPdf(
    {
      letterhead: forum,
      subhead: `${pick(venue.name, locale)}, ${pick(venue.city, locale)}`,
      reference: t('letter.reference', { reference, date: formatDay(letter.decidedAt ?? now, zone, locale) }),
      title: t('letter.title'),
      body,
      verify: t('letter.verify', { url: letterVerifyUrl(letter.id) }),
    },
    { letterhead: imageBytes(settings.letterhead), signature: imageBytes(settings.signature) },
  );
  return ok({ pdf, filename: `invitation-${reference}.pdf` });
}

export type LetterCheck = { valid: true; name: string } | { valid: false };

/** The public check of a letter's code: the passport name and that the letter is valid, nothing else. */
export async function verifyVisaLetter(db: Db, code: string): Promise<LetterCheck> {
  const id = verifySignedIds(PURPOSE, code, 1)?.[0];
  if (!id) return { valid: false };
  const [letter] = await db.select().from(visaLetters).where(eq(visaLetters.id, id));
  const passport = letter?.status === 'issued' ? (JSON.parse(unseal(letter.passportSealed) ?? 'null') as Passport | null) : null;
  return passport ? { valid: true, name: passport.passportName } : { valid: false };
}

/** Where the registrant's letter stands, for their manage page (no passport details). */
export async function visaLetterStatus(db: Db, registrationId: string): Promise<'none' | 'requested' | 'issued' | 'refused'> {
  const [letter] = await db.select({ status: visaLetters.status }).from(visaLetters).where(eq(visaLetters.registrationId, registrationId));
  return (letter?.status as 'requested' | 'issued' | 'refused' | undefined) ?? 'none';
}
