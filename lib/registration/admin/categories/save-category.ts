import { and, eq, inArray } from 'drizzle-orm';
import { attendeeCategories, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { changedFields } from '@/lib/admin/changes';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Saved } from '@/lib/admin/saved';
import type { Actor } from '@/lib/auth/sessions';
import { saveAudited } from '@/lib/audit/save-audited';
import { invalid, notFound, ok } from '@/lib/errors/result';
import { localDate, localTime, zonedToUtc } from '@/lib/time/zones';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { fillCategory } from '../../categories/fill-category';
import { categoryInputSchema, type CategoryFormValues, type CategoryInput } from './category-input';

const REFUSED_BY_DATABASE = {
  attendee_categories_seats_ck: { capacity: vmsg('capacityBelowSeats') },
  attendee_categories_window_ck: { closesAt: vmsg('closesBeforeOpens') },
};

const splitLocal = (value: string) => [value.slice(0, 10), value.slice(11, 16)] as const;

function columns(input: CategoryInput, zone: string) {
  const instant = (value: string) => (value ? zonedToUtc(...splitLocal(value), zone) : null);
  return {
    name: input.name,
    description: input.description,
    capacity: input.capacity,
    visibility: input.visibility,
    requiresApproval: input.requiresApproval,
    visaSupport: input.visaSupport,
    opensAt: instant(input.opensAt),
    closesAt: instant(input.closesAt),
    allowedModes: [...new Set(input.allowedModes)],
    allowedVenueIds: [...new Set(input.allowedVenueIds)].sort(),
    position: input.position,
  };
}

/** Venues named that are not this event's in-person venues: refused, like a venue of another forum. */
async function foreignVenue(db: Db, eventId: string, ids: string[]): Promise<boolean> {
  if (!ids.length) return false;
  const own = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.eventId, eventId), inArray(venues.id, ids)));
  return own.length !== new Set(ids).size;
}

/** An organiser adds an attendee category to their event. */
export async function createCategory(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(categoryInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (await foreignVenue(db, event.id, input.allowedVenueIds)) return invalid({ allowedVenueIds: vmsg('venueNotInEvent') });
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const [row] = await tx
      .insert(attendeeCategories)
      .values({ eventId: event.id, ...columns(input, event.timeZone) })
      .returning({ id: attendeeCategories.id });
    await audit({
      action: 'category.create',
      entity: 'category',
      entityId: row!.id,
      details: { name: input.name.en, capacity: input.capacity },
    });
    return ok({ id: row!.id });
  });
}

/**
 * An organiser edits a category. Its capacity cannot go below the places already held (the row
 * lock makes registrations in the category wait, so the count read is the one checked); places a
 * larger capacity frees go to the first in the category's line once the change commits.
 */
export async function updateCategory(db: Db, actor: Actor | null, slug: string, categoryId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(categoryInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (await foreignVenue(db, event.id, input.allowedVenueIds)) return invalid({ allowedVenueIds: vmsg('venueNotInEvent') });
  const saved = await saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select()
      .from(attendeeCategories)
      .where(and(eq(attendeeCategories.id, categoryId), eq(attendeeCategories.eventId, event.id)))
      .for('no key update');
    if (!current) return notFound('No such category in this event');
    if (input.capacity !== null && input.capacity < current.confirmedCount)
      return invalid({ capacity: vmsg('categoryCapacityBelow', { count: current.confirmedCount }) });
    const next = columns(input, event.timeZone);
    const changes = changedFields(current, next);
    if (Object.keys(changes).length === 0) return ok({ id: current.id });
    await tx.update(attendeeCategories).set(next).where(eq(attendeeCategories.id, current.id));
    await audit({ action: 'category.update', entity: 'category', entityId: current.id, details: { name: input.name.en, changes } });
    return ok({ id: current.id });
  });
  if (saved.ok) await fillCategory(db, categoryId);
  return saved;
}

/** The form's values for a category, times in the event's zone. */
export function categoryFormValues(category: typeof attendeeCategories.$inferSelect, zone: string): CategoryFormValues {
  const local = (instant: Date | null) => (instant ? `${localDate(instant, zone)}T${localTime(instant, zone)}` : '');
  return {
    name: localizedFormValues(category.name),
    description: localizedFormValues(category.description),
    capacity: category.capacity === null ? '' : String(category.capacity),
    visibility: category.visibility,
    requiresApproval: category.requiresApproval,
    visaSupport: category.visaSupport,
    opensAt: local(category.opensAt),
    closesAt: local(category.closesAt),
    allowedModes: category.allowedModes,
    allowedVenueIds: category.allowedVenueIds,
    position: String(category.position),
  };
}
