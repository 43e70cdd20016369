import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { listings } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, ok } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { vmsg } from '@/lib/validation/message';
import { listingInputSchema, type ListingFormValues, type ListingInput } from '../admin/listing-schema';
import { requireExhibitorStaff } from './staff-access';

const columns = (input: ListingInput) => ({
  kind: input.kind,
  title: input.title,
  summary: input.summary,
  sector: input.sector,
  trl: input.trl,
  ipStatus: input.ipStatus,
  cooperation: input.cooperation,
  countries: input.countries,
});

/** The exhibitor's listings, every status, for its own staff. */
export async function ownListings(db: Db, actor: Actor | null, exhibitorId: string) {
  const staffed = await requireExhibitorStaff(db, actor, exhibitorId);
  return db.select().from(listings).where(eq(listings.exhibitorId, staffed.id)).orderBy(desc(listings.createdAt));
}

/** One of the exhibitor's listings and its form values, for its staff; any other listing is refused. */
export async function ownListingForEdit(db: Db, actor: Actor | null, listingId: string) {
  const [row] = await db.select().from(listings).where(eq(listings.id, listingId));
  // An attendee's listing (no exhibitor) is nobody's staff's to edit.
  if (!row?.exhibitorId) throw new AuthorizationError('forbidden');
  await requireExhibitorStaff(db, actor, row.exhibitorId);
  const values: ListingFormValues = {
    exhibitorId: row.exhibitorId,
    kind: row.kind,
    title: localizedFormValues(row.title),
    summary: localizedFormValues(row.summary),
    sector: row.sector,
    trl: row.trl,
    ipStatus: row.ipStatus,
    cooperation: row.cooperation,
    countries: row.countries,
  };
  return { listing: row, values };
}

/**
 * Staff enter an offer or need of their exhibitor (the form's exhibitor field names it, and must be
 * one they staff). It waits for the organisers' moderation: status pending, not public.
 */
export async function createOwnListing(db: Db, actor: Actor | null, values: unknown): Promise<Saved> {
  if (!actor) throw new AuthorizationError('signed-out');
  // An exhibitor they do not staff is refused before the form's other errors are told.
  const named = z.object({ exhibitorId: z.uuid() }).safeParse(values);
  const staffed = named.success ? await requireExhibitorStaff(db, actor, named.data.exhibitorId) : null;
  const parsed = parseInput(listingInputSchema, values);
  if (!parsed.ok) return parsed;
  if (!staffed) return invalid({ exhibitorId: vmsg('exhibitor') });
  const input = parsed.value;
  return saveAudited(db, { eventId: staffed.eventId, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [row] = await tx
      .insert(listings)
      .values({ eventId: staffed.eventId, exhibitorId: staffed.id, ...columns(input) })
      .returning({ id: listings.id });
    await audit({
      action: 'listing.create',
      entity: 'listing',
      entityId: row!.id,
      details: { title: input.title.en, kind: input.kind, byStaff: true },
    });
    return ok({ id: row!.id });
  });
}

/**
 * Staff edit one of their exhibitor's listings. Any edit sends it back to moderation (pending, not
 * public until an organiser publishes it again): what attendees read is always what organisers
 * approved. A listing stays with its exhibitor.
 */
export async function updateOwnListing(db: Db, actor: Actor | null, listingId: string, values: unknown): Promise<Saved> {
  const [existing] = await db.select({ exhibitorId: listings.exhibitorId }).from(listings).where(eq(listings.id, listingId));
  if (!existing?.exhibitorId) throw new AuthorizationError(actor ? 'forbidden' : 'signed-out');
  const staffed = await requireExhibitorStaff(db, actor, existing.exhibitorId);
  const parsed = parseInput(listingInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (input.exhibitorId !== staffed.id) return invalid({ exhibitorId: vmsg('exhibitor') });
  return saveAudited(db, { eventId: staffed.eventId, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select({ id: listings.id, status: listings.status })
      .from(listings)
      .where(and(eq(listings.id, listingId), eq(listings.exhibitorId, staffed.id)))
      .for('update');
    if (!current) throw new AuthorizationError('forbidden');
    await tx
      .update(listings)
      .set({ ...columns(input), status: 'pending', moderatedAt: null })
      .where(eq(listings.id, current.id));
    await audit({
      action: 'listing.update',
      entity: 'listing',
      entityId: current.id,
      details: { title: input.title.en, from: current.status, byStaff: true },
    });
    return ok({ id: current.id });
  });
}
