import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { BADGE_LAYOUTS, type BadgeLayout, documentSettings, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { sniffPhotoType } from '@/lib/speakers/photo';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { vmsg } from '@/lib/validation/message';

/** The words an organiser may put in braces in a letter's body; each is replaced from the request and the forum. */
export const LETTER_PLACEHOLDERS = [
  'name',
  'nationality',
  'passportNumber',
  'passportExpiry',
  'dateOfBirth',
  'forum',
  'from',
  'to',
  'venue',
  'reference',
] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

/** An image on a document: at most 512 KB, PNG or JPEG (what pdf-lib embeds), known by its bytes. */
export const MAX_DOCUMENT_IMAGE_BYTES = 512 * 1024;
export const DOCUMENT_IMAGES = ['letterhead', 'signature', 'badgeLogo'] as const;
export type DocumentImage = (typeof DOCUMENT_IMAGES)[number];

export type DocumentSettings = {
  letterBody: LocalizedText | null;
  letterhead: string | null;
  signature: string | null;
  badgeLayout: BadgeLayout;
  badgeLogo: string | null;
};

const DEFAULTS: DocumentSettings = { letterBody: null, letterhead: null, signature: null, badgeLayout: 'standard', badgeLogo: null };

/** The event's document settings, or the built-in ones where the organiser has set nothing. */
export async function documentSettingsFor(db: Db, eventId: string): Promise<DocumentSettings> {
  const [row] = await db.select().from(documentSettings).where(eq(documentSettings.eventId, eventId));
  if (!row) return DEFAULTS;
  return {
    letterBody: row.letterBody,
    letterhead: row.letterhead,
    signature: row.signature,
    badgeLayout: (BADGE_LAYOUTS as readonly string[]).includes(row.badgeLayout) ? (row.badgeLayout as BadgeLayout) : 'standard',
    badgeLogo: row.badgeLogo,
  };
}

const placeholdersKnown = (text: string) =>
  [...text.matchAll(/\{([^{}]*)\}/g)].every((m) => (LETTER_PLACEHOLDERS as readonly string[]).includes(m[1]!));

/** The letter template form: the body in every offered language (empty English: the built-in wording), braces only around known words. */
export const letterTemplateSchema = z.object({
  body: localizedTextInput(4000, { multiline: true, optional: true }).refine(
    (text) => Object.values(text).every((value) => placeholdersKnown(value ?? '')),
    vmsg('letterPlaceholder'),
  ),
});
export type LetterTemplateInput = z.input<typeof letterTemplateSchema>;

export const badgeLayoutSchema = z.object({ layout: z.enum(BADGE_LAYOUTS, { error: vmsg('invalid') }) });

async function upsert(db: Db, eventId: string, values: Partial<typeof documentSettings.$inferInsert>, now: Date) {
  await db
    .insert(documentSettings)
    .values({ eventId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: documentSettings.eventId, set: { ...values, updatedAt: now } });
}

/** An organiser saves the letter's body per language; all languages empty goes back to the built-in wording. */
export async function saveLetterTemplate(db: Db, actor: Actor | null, slug: string, input: unknown, now = new Date()): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = letterTemplateSchema.safeParse(input);
  if (!parsed.success) return invalid({ body: parsed.error.issues[0]?.message ?? vmsg('invalid') });
  const body = parsed.data.body;
  const empty = Object.values(body).every((value) => !value?.trim());
  await upsert(db, event.id, { letterBody: empty ? null : body }, now);
  await recordAudit(db, {
    eventId: event.id,
    actorUserId: actor!.userId,
    action: 'documents.update',
    entity: 'event',
    entityId: event.id,
    details: { part: 'letter-template' },
  });
  return ok();
}

/** An organiser chooses the badge layout; badges printed singly and on sheets both follow it. */
export async function saveBadgeLayout(db: Db, actor: Actor | null, slug: string, input: unknown, now = new Date()): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = badgeLayoutSchema.safeParse(input);
  if (!parsed.success) return invalid({ layout: vmsg('invalid') });
  await upsert(db, event.id, { badgeLayout: parsed.data.layout }, now);
  await recordAudit(db, {
    eventId: event.id,
    actorUserId: actor!.userId,
    action: 'documents.update',
    entity: 'event',
    entityId: event.id,
    details: { part: 'badge-layout', layout: parsed.data.layout },
  });
  return ok();
}

/** Checks an uploaded image: not empty, at most 512 KB, and PNG or JPEG by its bytes (not its name or claimed type). */
export function documentImageDataUrl(bytes: Uint8Array): Result<{ dataUrl: string }> {
  if (bytes.length > MAX_DOCUMENT_IMAGE_BYTES) return invalid({ image: vmsg('documentImageTooBig') });
  const type = sniffPhotoType(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg') return invalid({ image: vmsg('documentImageType') });
  return ok({ dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` });
}

const column = { letterhead: 'letterhead', signature: 'signature', badgeLogo: 'badgeLogo' } as const;

/** An organiser uploads (bytes) or removes (null) the letterhead, the signature or the badge logo. */
export async function saveDocumentImage(
  db: Db,
  actor: Actor | null,
  slug: string,
  which: DocumentImage,
  bytes: Uint8Array | null,
  now = new Date(),
): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  let dataUrl: string | null = null;
  if (bytes) {
    const checked = documentImageDataUrl(bytes);
    if (!checked.ok) return checked;
    dataUrl = checked.dataUrl;
  }
  await upsert(db, event.id, { [column[which]]: dataUrl }, now);
  await recordAudit(db, {
    eventId: event.id,
    actorUserId: actor!.userId,
    action: 'documents.update',
    entity: 'event',
    entityId: event.id,
    details: { part: which, bytes: bytes?.length ?? 0 },
  });
  return ok();
}

/** A stored image's type and bytes for embedding in a PDF, or null (none, or not one this module stored). */
export function imageBytes(dataUrl: string | null): { type: 'png' | 'jpeg'; bytes: Uint8Array } | null {
  const match = dataUrl ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl) : null;
  return match ? { type: match[1] as 'png' | 'jpeg', bytes: Buffer.from(match[2]!, 'base64') } : null;
}

/** The letter's body with its placeholders filled: paragraphs are separated by an empty line. */
export function fillLetterBody(body: string, values: Record<LetterPlaceholder, string>): string[] {
  return body
    .replace(/\{([^{}]*)\}/g, (whole, word: string) => (word in values ? values[word as LetterPlaceholder] : whole))
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}
