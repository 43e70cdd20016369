import { vmsg } from '@/lib/validation/message';
import { eq } from 'drizzle-orm';
import { eventMembers, events, rooms, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { addDays, zonedToUtc } from '@/lib/time/zones';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { createEventSchema } from './create-event-input';

/** The new forum, or field errors keyed by the form's fields (validation keys, worded by the form). */
export type CreateEventResult = Result<{ slug: string; eventId: string }>;

/**
 * A new forum as a draft: the event, its main venue (whose zone is the event's) with one room, and
 * the online venue if asked; its creator becomes its organiser. Branch venues, rooms and sessions
 * are added afterwards in the event's own pages.
 */
export async function createEvent(db: Db, actor: Actor | null, rawInput: unknown): Promise<CreateEventResult> {
  if (!actor) throw new AuthorizationError('signed-out');
  if (!actor.canCreateEvents) throw new AuthorizationError('forbidden');
  const parsed = parseInput(createEventSchema, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const zone = input.venueTimeZone;

  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, input.slug));
    if (taken) return invalid({ slug: vmsg('eventSlugTaken') });
    const [event] = await tx
      .insert(events)
      .values({
        slug: input.slug,
        name: input.name,
        theme: input.theme,
        timeZone: zone,
        startsAt: zonedToUtc(input.firstDay, '00:00', zone),
        endsAt: zonedToUtc(addDays(input.lastDay, 1), '00:00', zone),
        status: 'draft',
      })
      .returning({ id: events.id });
    const eventId = event!.id;
    const [main] = await tx
      .insert(venues)
      .values({
        eventId,
        slug: 'main',
        name: { en: input.venueNameEn },
        city: { en: input.venueCityEn },
        country: input.venueCountry,
        address: input.venueAddress ?? '',
        timeZone: zone,
        kind: 'main',
        capacity: input.venueCapacity,
        position: 0,
      })
      .returning({ id: venues.id });
    await tx.insert(rooms).values({ venueId: main!.id, name: { en: 'Main hall' }, capacity: input.venueCapacity });
    if (input.withOnline) {
      await tx.insert(venues).values({
        eventId,
        slug: 'online',
        name: { en: 'Online', zh: '线上' },
        city: { en: 'Online', zh: '线上' },
        country: input.venueCountry,
        timeZone: zone,
        kind: 'online',
        capacity: null,
        position: 99,
      });
    }
    await tx.insert(eventMembers).values({ eventId, userId: actor.userId, role: 'organiser' });
    await recordAudit(tx, { eventId, actorUserId: actor.userId, action: 'event.create', entity: 'event', entityId: eventId, details: {} });
    return ok({ slug: input.slug, eventId });
  });
}
