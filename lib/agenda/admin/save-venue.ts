import { vmsg } from '@/lib/validation/message';
import { and, eq, ne } from 'drizzle-orm';
import { venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { parseInput } from '@/lib/validation/field-errors';
import { changedFields } from '@/lib/admin/changes';
import { saveAudited } from '@/lib/audit/save-audited';
import { invalid, ok } from '@/lib/errors/result';
import { missing, type Saved } from '@/lib/admin/saved';
import { activeInPersonRegistrations, sessionsShownAtVenue } from './venue-sessions';
import { venueInputSchema, type VenueInput } from './venue-schema';

const SLUG_TAKEN = vmsg('slugTaken');
const BELOW_CONFIRMED = vmsg('capacityBelowSeats');

function columns(input: VenueInput) {
  return {
    slug: input.slug,
    name: input.name,
    city: input.city,
    country: input.country,
    timeZone: input.timeZone,
    kind: input.kind,
    capacity: input.capacity,
    address: input.address,
    position: input.position,
  };
}

async function slugTaken(db: Db, eventId: string, slug: string, exceptId?: string): Promise<boolean> {
  const conditions = [eq(venues.eventId, eventId), eq(venues.slug, slug)];
  if (exceptId) conditions.push(ne(venues.id, exceptId));
  const [row] = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(...conditions))
    .limit(1);
  return Boolean(row);
}

/** The database's last word on a unique slug and on seats, as the form's own field errors. */
const REFUSED_BY_DATABASE = {
  venues_event_slug_uq: { slug: SLUG_TAKEN },
  venues_confirmed_ck: { capacity: BELOW_CONFIRMED },
  venues_capacity_ck: { capacity: vmsg('tooSmall', { min: 0 }) },
};

/** An organiser adds a venue to their event. */
export async function createVenue(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(venueInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    if (await slugTaken(tx, event.id, input.slug)) return invalid({ slug: SLUG_TAKEN });
    const [row] = await tx
      .insert(venues)
      .values({ eventId: event.id, ...columns(input) })
      .returning({ id: venues.id });
    await audit({
      action: 'venue.create',
      entity: 'venue',
      entityId: row!.id,
      details: { slug: input.slug, name: input.name.en, timeZone: input.timeZone, kind: input.kind, capacity: input.capacity },
    });
    return ok({ id: row!.id });
  });
}

/**
 * An organiser edits a venue of their event. Seats cannot go below the people already confirmed
 * there; a new time zone is allowed (sessions are stored in UTC) and the answer says how many
 * sessions' local times moved with it.
 */
export async function updateVenue(db: Db, actor: Actor | null, slug: string, venueId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(venueInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    // The row lock makes registrations that take a seat here wait, so the count read is the one
    // the new capacity is checked against.
    const [current] = await tx
      .select()
      .from(venues)
      .where(and(eq(venues.id, venueId), eq(venues.eventId, event.id)))
      .for('update');
    if (!current) return missing('venue');
    const fields: Record<string, string> = {};
    if (input.slug !== current.slug && (await slugTaken(tx, event.id, input.slug, current.id))) fields.slug = SLUG_TAKEN;
    if (input.capacity !== null && input.capacity < current.confirmedCount) {
      fields.capacity = vmsg('venueCapacityBelow', { count: current.confirmedCount });
    }
    if (input.kind === 'online' && current.kind !== 'online') {
      const attending = await activeInPersonRegistrations(tx, current.id);
      if (attending > 0) fields.kind = vmsg('venueOnlineAttending', { count: attending });
    }
    if (Object.keys(fields).length > 0) return invalid(fields);

    const next = columns(input);
    const changes = changedFields(current, next);
    if (Object.keys(changes).length === 0) return ok({ id: current.id });
    await tx.update(venues).set(next).where(eq(venues.id, current.id));
    const shiftedSessions = changes.timeZone ? await sessionsShownAtVenue(tx, current.id) : undefined;
    await audit({
      action: 'venue.update',
      entity: 'venue',
      entityId: current.id,
      details: { slug: next.slug, changes, ...(shiftedSessions !== undefined ? { shiftedSessions } : {}) },
    });
    return ok({ id: current.id, ...(shiftedSessions ? { shiftedSessions } : {}) });
  });
}
