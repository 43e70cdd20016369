import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent, type VenueScope } from '@/lib/admin/event-access';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { registrationSearchText } from '@/lib/registration/search-text';

export type DeskMatch = {
  registrationId: string;
  name: string;
  organisation: string;
  email: string;
  shortCode: string;
  status: 'confirmed' | 'waitlisted' | 'checked_in';
  venueSlug: string | null;
  /** The person's delegation, whose members the desk can check in at once (lib/checkin/delegation.ts). */
  delegationId: string | null;
};

export const DESK_SEARCH_LIMIT = 20;

/** LIKE's own characters typed into the box are searched for as themselves. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People at the staff member's venues (all venues for event-wide staff) whose name, email or
 * organisation contains the typed text, in any script and case. The GIN trigram index on the same
 * expression (registrations_desk_search_idx) answers it; tests/integration/desk-search.test.ts
 * reads the plan. Cancelled and online registrations are not at the desk.
 */
export async function searchDesk(db: Db, actor: Actor | null, slug: string, typed: string): Promise<DeskMatch[]> {
  const { event, scope } = await scopedEvent(db, actor, slug, DESK);
  const text = typed.trim().toLowerCase();
  if (text.length < 2 || scope?.length === 0) return [];
  return (await deskSearchQuery(db, event.id, scope, text)) as DeskMatch[];
}

/** The search itself, for searchDesk and for the test that reads its plan. */
export function deskSearchQuery(db: Db, eventId: string, scope: VenueScope, text: string) {
  return db
    .select({
      registrationId: registrations.id,
      name: registrations.name,
      organisation: registrations.organisation,
      email: registrations.email,
      shortCode: registrations.shortCode,
      status: registrations.status,
      venueSlug: venues.slug,
      delegationId: registrations.delegationId,
    })
    .from(registrations)
    .innerJoin(venues, eq(venues.id, registrations.venueId))
    .where(
      and(
        eq(registrations.eventId, eventId),
        sql`${registrationSearchText} LIKE ${`%${likeLiteral(text)}%`}`,
        ne(registrations.status, 'cancelled'),
        scope ? inArray(registrations.venueId, scope) : undefined,
      ),
    )
    .orderBy(asc(registrations.name))
    .limit(DESK_SEARCH_LIMIT);
}
