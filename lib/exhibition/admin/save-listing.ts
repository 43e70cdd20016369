import { and, eq } from 'drizzle-orm';
import { exhibitors, listings } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { listingInputSchema } from './listing-schema';

/** An organiser enters an exhibitor's offer or need; it waits for moderation like any other. */
export async function createListing(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(listingInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [exhibitor] = await tx
      .select({ id: exhibitors.id })
      .from(exhibitors)
      .where(and(eq(exhibitors.id, input.exhibitorId), eq(exhibitors.eventId, event.id)));
    if (!exhibitor) return invalid({ exhibitorId: vmsg('exhibitor') });
    const [row] = await tx
      .insert(listings)
      .values({
        eventId: event.id,
        exhibitorId: exhibitor.id,
        kind: input.kind,
        title: input.title,
        summary: input.summary,
        sector: input.sector,
        trl: input.trl,
        ipStatus: input.ipStatus,
        cooperation: input.cooperation,
        countries: input.countries,
      })
      .returning({ id: listings.id });
    await audit({ action: 'listing.create', entity: 'listing', entityId: row!.id, details: { title: input.title.en, kind: input.kind } });
    return ok({ id: row!.id });
  });
}

export type Moderation = 'publish' | 'reject';

/**
 * An organiser publishes or rejects a listing. Either may be undone by the other (a published
 * listing taken down is rejected); the same decision twice records nothing.
 */
export async function moderateListing(
  db: Db,
  actor: Actor | null,
  slug: string,
  listingId: string,
  decision: Moderation,
  now = new Date(),
): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const status = decision === 'publish' ? 'published' : 'rejected';
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select({ id: listings.id, status: listings.status, title: listings.title })
      .from(listings)
      .where(and(eq(listings.id, listingId), eq(listings.eventId, event.id)))
      .for('update');
    if (!current) return notFound('No such listing in this event');
    if (current.status === status) return ok({ id: current.id });
    await tx.update(listings).set({ status, moderatedAt: now }).where(eq(listings.id, current.id));
    await audit({
      action: decision === 'publish' ? 'listing.publish' : 'listing.reject',
      entity: 'listing',
      entityId: current.id,
      details: { title: current.title.en, from: current.status },
    });
    return ok({ id: current.id });
  });
}
