import { randomInt } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { attendeeCategories, categoryInvitationCodes } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { recordAudit } from '@/lib/audit/record-audit';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { zonedToUtc } from '@/lib/time/zones';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { CSV_BOM, csvRecord } from '../csv';
import { codeBatchInputSchema } from './category-input';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export type InvitationCodeRow = { code: string; maxUses: number; uses: number; expiresAt: Date };

async function categoryOfEvent(db: Db, eventId: string, categoryId: string) {
  const [category] = await db
    .select()
    .from(attendeeCategories)
    .where(and(eq(attendeeCategories.id, categoryId), eq(attendeeCategories.eventId, eventId)));
  return category ?? null;
}

/**
 * An organiser makes `count` codes for a category of their event, each usable `maxUses` times until
 * `expiresAt` (wall-clock in the event's zone). 50 bits of randomness each; a code that happens to
 * exist already in the event is drawn again.
 */
export async function generateInvitationCodes(
  db: Db,
  actor: Actor | null,
  slug: string,
  categoryId: string,
  values: unknown,
  now = new Date(),
): Promise<Result<{ codes: string[] }>> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(codeBatchInputSchema, values);
  if (!parsed.ok) return parsed;
  const { count, maxUses } = parsed.value;
  const expiresAt = zonedToUtc(parsed.value.expiresAt.slice(0, 10), parsed.value.expiresAt.slice(11, 16), event.timeZone);
  if (expiresAt <= now) return invalid({ expiresAt: vmsg('expiryInPast') });
  const category = await categoryOfEvent(db, event.id, categoryId);
  if (!category) return notFound('No such category in this event');
  return db.transaction(async (tx) => {
    const codes: string[] = [];
    while (codes.length < count) {
      const wanted = Array.from({ length: count - codes.length }, newCode);
      const made = await tx
        .insert(categoryInvitationCodes)
        .values(wanted.map((code) => ({ eventId: event.id, categoryId, code, maxUses, expiresAt, createdBy: actor!.userId })))
        .onConflictDoNothing()
        .returning({ code: categoryInvitationCodes.code });
      codes.push(...made.map((m) => m.code));
    }
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'category.codes.create',
      entity: 'category',
      entityId: categoryId,
      details: { name: category.name.en, count, maxUses, expiresAt: expiresAt.toISOString() },
    });
    return ok({ codes });
  });
}

/** A category's codes in the order they were made, for its organiser. */
export async function listInvitationCodes(db: Db, actor: Actor | null, slug: string, categoryId: string): Promise<InvitationCodeRow[]> {
  const event = await organiserEvent(db, actor, slug);
  return db
    .select({
      code: categoryInvitationCodes.code,
      maxUses: categoryInvitationCodes.maxUses,
      uses: categoryInvitationCodes.uses,
      expiresAt: categoryInvitationCodes.expiresAt,
    })
    .from(categoryInvitationCodes)
    .where(and(eq(categoryInvitationCodes.eventId, event.id), eq(categoryInvitationCodes.categoryId, categoryId)))
    .orderBy(asc(categoryInvitationCodes.createdAt), asc(categoryInvitationCodes.code));
}

/**
 * A category's codes as CSV (the registrations export's formula-safe writer): code, the invitation
 * link that fills it in, uses, limit, expiry in UTC.
 */
export async function invitationCodesCsv(
  db: Db,
  actor: Actor | null,
  slug: string,
  categoryId: string,
  appUrl: string,
): Promise<{ filename: string; body: string }> {
  const rows = await listInvitationCodes(db, actor, slug, categoryId);
  const lines = [csvRecord(['code', 'link', 'uses', 'max_uses', 'expires_at_utc'])];
  for (const row of rows)
    lines.push(
      csvRecord([row.code, `${appUrl}/events/${slug}/register?code=${encodeURIComponent(row.code)}`, row.uses, row.maxUses, row.expiresAt]),
    );
  return { filename: `${slug}-invitation-codes.csv`, body: CSV_BOM + lines.join('') };
}
