import type { VenueScope } from '@/lib/admin/event-access';
import { and, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { registrations, venues } from '@/db/schema';
import { vmsg } from '@/lib/validation/message';
import { ATTENDANCE_MODES, PARTICIPANT_TYPES } from '../schema';
import { hasTrigram, registrationSearchText } from '../search-text';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'pending', 'cancelled', 'checked_in'] as const;

/** A query-string value: the first one when repeated, and an empty field means "no filter". */
const param = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first.trim() === '' ? undefined : first;
  }, schema.optional());

/** The filters shared by the registrations table, the CSV export and announcements. */
export const registrationFilterSchema = z.object({
  q: param(
    z
      .string({ error: vmsg('text') })
      .trim()
      .max(200, vmsg('tooLong', { max: 200 })),
  ),
  venue: param(
    z
      .string({ error: vmsg('venue') })
      .max(80, vmsg('venue'))
      .regex(/^[a-z0-9-]+$/, vmsg('venue')),
  ),
  mode: param(z.enum(ATTENDANCE_MODES, { error: vmsg('mode') })),
  status: param(z.enum(REGISTRATION_STATUSES, { error: vmsg('choose') })),
  country: param(
    z
      .string({ error: vmsg('country') })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, vmsg('country')),
  ),
  type: param(z.enum(PARTICIPANT_TYPES, { error: vmsg('participantType') })),
  /** An attendee category's id, or `none`: registrations without a category. */
  category: param(z.union([z.uuid(), z.literal('none')], { error: vmsg('choose') })),
  /** A delegation's id, or `none`: registrations outside any delegation (docs/delegations.md). */
  delegation: param(z.union([z.uuid(), z.literal('none')], { error: vmsg('choose') })),
  /** One of the organisers' questions: registrations that answered it (with `answer`, that way). */
  question: param(z.uuid({ error: vmsg('choose') })),
  answer: param(
    z
      .string({ error: vmsg('text') })
      .trim()
      .max(200, vmsg('tooLong', { max: 200 })),
  ),
});

export type RegistrationFilters = z.output<typeof registrationFilterSchema>;

/** Reads filters from URL search parameters (a page's searchParams or a URLSearchParams). */
export function filtersFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;
  return registrationFilterSchema.safeParse(raw);
}

/**
 * For pages: keeps every filter that parses and names the ones that do not, so one bad value in a
 * shared link does not silently drop the others.
 */
export function filtersKeepingValid(params: Record<string, string | string[] | undefined>): {
  filters: RegistrationFilters;
  problems: Record<string, string>;
} {
  const filters: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const [key, schema] of Object.entries(registrationFilterSchema.shape)) {
    const parsed = schema.safeParse(params[key]);
    if (parsed.success) filters[key] = parsed.data;
    else problems[key] = parsed.error.issues[0]?.message ?? vmsg('invalid');
  }
  return { filters: filters as RegistrationFilters, problems };
}

/** The adminRegistrations message naming a query parameter, for the "filter not applied" notice. */
export function filterLabelKey(
  field: string,
):
  | 'search'
  | 'venue'
  | 'mode'
  | 'status'
  | 'country'
  | 'type'
  | 'category'
  | 'delegation'
  | 'question'
  | 'answer'
  | 'sort'
  | 'pageSize'
  | 'page' {
  const labels = {
    q: 'search',
    venue: 'venue',
    mode: 'mode',
    status: 'status',
    country: 'country',
    type: 'type',
    category: 'category',
    delegation: 'delegation',
    question: 'question',
    answer: 'answer',
    sort: 'sort',
    size: 'pageSize',
  } as const;
  // Own keys only: `toString` or `constructor` from a query string is no label.
  return Object.hasOwn(labels, field) ? labels[field as keyof typeof labels] : 'page';
}

/** The filters as query-string pairs, for links that keep them. */
export function filtersToQuery(filters: RegistrationFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
  return query;
}

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE conditions for one event's registrations. Each is a plain column comparison so the
 * (event_id, created_at) and (venue_id, status) indexes stay usable; the search also reads the
 * trigram index (registrations_desk_search_idx).
 */
export function registrationConditions(
  eventId: string,
  filters: RegistrationFilters,
  options: { excludeCancelledByDefault?: boolean; scope?: VenueScope } = {},
): SQL {
  const conditions: (SQL | undefined)[] = [eq(registrations.eventId, eventId)];
  // A venue manager's registrations are their venue's (online ones belong to no venue).
  if (options.scope) conditions.push(options.scope.length ? inArray(registrations.venueId, options.scope) : sql`false`);
  if (filters.venue) {
    conditions.push(
      eq(
        registrations.venueId,
        sql`(select ${venues.id} from ${venues} where ${venues.eventId} = ${eventId} and ${venues.slug} = ${filters.venue})`,
      ),
    );
  }
  if (filters.mode) conditions.push(eq(registrations.mode, filters.mode));
  if (filters.status) conditions.push(eq(registrations.status, filters.status));
  else if (options.excludeCancelledByDefault) conditions.push(ne(registrations.status, 'cancelled'));
  if (filters.country) conditions.push(eq(registrations.country, filters.country));
  if (filters.type) conditions.push(eq(registrations.participantType, filters.type));
  if (filters.category === 'none') conditions.push(isNull(registrations.categoryId));
  else if (filters.category) conditions.push(eq(registrations.categoryId, filters.category));
  if (filters.delegation === 'none') conditions.push(isNull(registrations.delegationId));
  else if (filters.delegation) conditions.push(eq(registrations.delegationId, filters.delegation));
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    const inAColumn = or(
      ilike(registrations.name, pattern),
      ilike(registrations.email, pattern),
      ilike(registrations.organisation, pattern),
    );
    // The trigram index on the three columns joined finds the candidates (a scan of every row
    // otherwise); the per-column test then drops a match that would span two columns.
    conditions.push(hasTrigram(filters.q) ? and(sql`${registrationSearchText} like lower(${pattern})`, inAColumn) : inAColumn);
  }
  if (filters.question) conditions.push(answeredCondition(filters.question, filters.answer));
  return and(...conditions)!;
}

/**
 * Registrations that answered `questionId`, and with `answer` given: text containing it, the number
 * or date written so, yes/no, or an option whose label (either language) contains it.
 */
function answeredCondition(questionId: string, answer: string | undefined): SQL {
  if (!answer)
    return sql`exists (select 1 from registration_answers a where a.registration_id = ${registrations.id} and a.question_id = ${questionId})`;
  const pattern = containsPattern(answer);
  return sql`exists (
    select 1 from registration_answers a join registration_questions q on q.id = a.question_id
    where a.registration_id = ${registrations.id} and a.question_id = ${questionId} and (
      a.text_value ilike ${pattern}
      or a.number_value::text = ${answer}
      or a.date_value::text = ${answer}
      or (a.bool_value is not null and (case when a.bool_value then 'yes' else 'no' end) = lower(${answer}))
      or exists (
        select 1 from jsonb_array_elements(q.options) o
        where o->>'id' = any(a.option_ids) and (o->'label'->>'en' ilike ${pattern} or o->'label'->>'zh' ilike ${pattern})
      )
    ))`;
}
