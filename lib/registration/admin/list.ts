import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { attendeeCategories, delegations, registrations, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent, type AdminEvent } from '@/lib/admin/event-access';
import { READERS } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { afterCursor, createdAtCursorText, cursorSchema, encodeCursor, keysetOrder, type Direction } from './cursor';
import { vmsg } from '@/lib/validation/message';
import { registrationConditions, type RegistrationFilters } from './filters';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value) || undefined;

/** Paging and sorting from the query string; filters are parsed separately (registrationFilterSchema). */
export const registrationPageSchema = z.object({
  sort: z.preprocess(one, z.enum(['newest', 'oldest'], { error: vmsg('choose') }).default('newest')),
  after: z.preprocess(one, cursorSchema.optional()),
  before: z.preprocess(one, cursorSchema.optional()),
  size: z.preprocess(
    one,
    z.coerce
      .number({ error: vmsg('choose') })
      .int()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), vmsg('choose'))
      .default(50),
  ),
});
export type RegistrationPageRequest = z.output<typeof registrationPageSchema>;

export type RegistrationListRow = {
  id: string;
  name: string;
  email: string;
  organisation: string;
  country: string;
  participantType: string;
  mode: 'in_person' | 'online';
  venueCity: LocalizedText | null;
  /** The attendee category's name (null: none chosen). */
  category: LocalizedText | null;
  /** The delegation's name (null: registered alone), and whether this is its head. */
  delegation: string | null;
  delegationHead: boolean;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in' | 'pending';
  waitlistPosition: number | null;
  createdAt: Date;
  checkedInAt: Date | null;
};

export type RegistrationPage = {
  event: AdminEvent;
  rows: RegistrationListRow[];
  /** Cursors for the neighbouring pages; null when there is none. */
  next: string | null;
  previous: string | null;
  /** How many registrations match the filters (all pages). */
  total: number;
};

/**
 * One page of an event's registrations for its organisers. Keyset paging on (created_at, id): each
 * page reads only its own rows through the (event_id, created_at) index, however deep it is.
 */
export async function listRegistrations(
  db: Db,
  actor: Actor | null,
  slug: string,
  filters: RegistrationFilters,
  page: RegistrationPageRequest,
): Promise<RegistrationPage> {
  const { event, scope } = await scopedEvent(db, actor, slug, READERS);
  const where = registrationConditions(event.id, filters, { scope });
  const sortDirection: Direction = page.sort === 'newest' ? 'desc' : 'asc';
  // Going back reads the previous rows in reverse order, then flips them.
  const backwards = Boolean(page.before) && !page.after;
  const cursor = page.after ?? page.before;
  const readDirection: Direction = backwards ? (sortDirection === 'desc' ? 'asc' : 'desc') : sortDirection;

  const fetched = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      organisation: registrations.organisation,
      country: registrations.country,
      participantType: registrations.participantType,
      mode: registrations.mode,
      venueCity: venues.city,
      category: attendeeCategories.name,
      delegation: delegations.name,
      delegationHead: registrations.delegationHead,
      status: registrations.status,
      waitlistPosition: registrations.waitlistPosition,
      createdAt: registrations.createdAt,
      checkedInAt: registrations.checkedInAt,
      cursor: createdAtCursorText,
    })
    .from(registrations)
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .leftJoin(attendeeCategories, eq(registrations.categoryId, attendeeCategories.id))
    .leftJoin(delegations, eq(registrations.delegationId, delegations.id))
    .where(cursor ? and(where, afterCursor(cursor, readDirection)) : where)
    .orderBy(...keysetOrder(readDirection))
    .limit(page.size + 1);

  const more = fetched.length > page.size;
  const slice = fetched.slice(0, page.size);
  if (backwards) slice.reverse();
  const [totalRow] = await db.select({ n: count() }).from(registrations).where(where);

  const first = slice[0];
  const last = slice[slice.length - 1];
  const hasPrevious = backwards ? more : Boolean(page.after);
  const hasNext = backwards ? true : more;
  return {
    event,
    rows: slice.map(({ cursor: _cursor, ...row }) => row),
    next: hasNext && last ? encodeCursor({ createdAt: last.cursor, id: last.id }) : null,
    previous: hasPrevious && first ? encodeCursor({ createdAt: first.cursor, id: first.id }) : null,
    total: totalRow?.n ?? 0,
  };
}
