import { and, eq } from 'drizzle-orm';
import { meetingSlots, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, ok } from '@/lib/errors/result';
import { zonedToUtc } from '@/lib/time/zones';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { meetingSlotInputSchema } from './slot-schema';

const REFUSED_BY_DATABASE = { meeting_slots_venue_start_uq: { start: vmsg('meetingSlotTaken') } };

/**
 * An organiser opens a meeting slot at a venue: its times are typed on the venue's clock and stored
 * in UTC; `tables` is the pool of meeting tables the slot's accepted meetings share.
 */
export async function createMeetingSlot(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(meetingSlotInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const [venue] = await db
    .select({ id: venues.id, zone: venues.timeZone })
    .from(venues)
    .where(and(eq(venues.id, input.venueId), eq(venues.eventId, event.id)));
  if (!venue) return invalid({ venueId: vmsg('venueNotInEvent') });
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const [row] = await tx
      .insert(meetingSlots)
      .values({
        eventId: event.id,
        venueId: venue.id,
        label: input.label,
        startsAt: zonedToUtc(input.date, input.start, venue.zone),
        endsAt: zonedToUtc(input.date, input.end, venue.zone),
        tables: input.tables,
      })
      .returning({ id: meetingSlots.id });
    await audit({
      action: 'meeting-slot.create',
      entity: 'meeting-slot',
      entityId: row!.id,
      details: { label: input.label, tables: input.tables },
    });
    return ok({ id: row!.id });
  });
}
