import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { exhibitors } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { publishedEventBySlug } from '@/lib/agenda/events';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { photoDataUrl, safePhotoSrc } from '@/lib/speakers/photo';
import { requireExhibitorStaff } from './staff/staff-access';

/**
 * An exhibitor's logo follows the speaker photo's rules (PNG, JPEG or WebP by its bytes, at most
 * 1 MB, stored as a data: URL and checked again on the way out); pages show it through the public
 * logo route, so a directory of exhibitors does not carry every logo inline.
 */
async function writeLogo(db: Db, actor: Actor, target: { id: string; eventId: string }, bytes: Uint8Array | null): Promise<Result> {
  let logo: string | null = null;
  if (bytes) {
    const checked = photoDataUrl(bytes);
    if (!checked.ok) return checked;
    logo = checked.dataUrl;
  }
  await db.transaction(async (tx) => {
    const [row] = await tx.update(exhibitors).set({ logo }).where(eq(exhibitors.id, target.id)).returning({ name: exhibitors.name });
    await recordAudit(tx, {
      eventId: target.eventId,
      actorUserId: actor.userId,
      action: logo ? 'exhibitor.logo.update' : 'exhibitor.logo.remove',
      entity: 'exhibitor',
      entityId: target.id,
      details: logo ? { name: row?.name.en, bytes: bytes!.length } : { name: row?.name.en },
    });
  });
  return ok();
}

/** The exhibitor's own staff replace (bytes) or remove (null) its logo. */
export async function setOwnExhibitorLogo(db: Db, actor: Actor | null, exhibitorId: string, bytes: Uint8Array | null): Promise<Result> {
  const staffed = await requireExhibitorStaff(db, actor, exhibitorId);
  return writeLogo(db, actor!, staffed, bytes);
}

/** The event's organisers replace or remove the logo of one of its exhibitors. */
export async function setExhibitorLogoAsOrganiser(
  db: Db,
  actor: Actor | null,
  eventSlug: string,
  exhibitorId: string,
  bytes: Uint8Array | null,
): Promise<Result> {
  const event = await organiserEvent(db, actor, eventSlug);
  const [row] = await db
    .select({ id: exhibitors.id, eventId: exhibitors.eventId })
    .from(exhibitors)
    .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)));
  if (!row) return notFound('No such exhibitor in this event');
  return writeLogo(db, actor!, row, bytes);
}

export type LogoImage = { type: string; bytes: Buffer; etag: string };

/** The logo of an approved exhibitor of a published event, as bytes to serve; undefined otherwise. */
export async function publicExhibitorLogo(db: Db, eventSlug: string, exhibitorSlug: string): Promise<LogoImage | undefined> {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  const [row] = await db
    .select({ logo: exhibitors.logo })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, event.id), eq(exhibitors.slug, exhibitorSlug), eq(exhibitors.status, 'approved')));
  const src = safePhotoSrc(row?.logo);
  if (!src) return undefined;
  const comma = src.indexOf(',');
  const bytes = Buffer.from(src.slice(comma + 1), 'base64');
  return {
    type: src.slice('data:'.length, src.indexOf(';')),
    bytes,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`,
  };
}
