import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDb } from '@/db/prepared';
import { events, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { checkChoices, loadSessionCandidates } from './choices';
import { publishedSessionStatuses } from './published-session-statuses';
import { registrationBatchesFor, type RegistrationBatches } from './registration-batches';
import { invalid, notFound } from '@/lib/errors/result';
import type { RegistrationOutcome } from './result';
import { registrationInputSchema } from './schema';
import { fieldErrors } from '@/lib/validation/field-errors';
import { eventPhase } from '@/lib/events/lifecycle';
import { vmsg } from '@/lib/validation/message';
import { currentRequestId } from '@/lib/observability/request-context';
import { askedQuestionsBySlug } from './questions/load';
import { checkAnswers, claimedCategoryId, submittedAnswers } from './questions/check-answers';
import { answerRows } from './questions/answer-rows';
import { type Category, checkCategory } from './categories/check-category';
import type { PreparedRegistration } from './record-registrations';
import { registerInCategory } from './categories/register-in-category';
import type { CategoryLock } from './categories/category-seats';
import type { CodeRedeemer } from './categories/invitation-codes';

export type RegisterOptions = {
  now?: Date;
  /** Where the registration waits to be written; by default the batches of this process for `db`. */
  batches?: RegistrationBatches;
  /** The category's row lock (categories/category-seats.ts); tests put a gate or the unlocked read here. */
  categoryLock?: CategoryLock;
  /** How the invitation code is used (categories/invitation-codes.ts); the negative control puts the unprotected one here. */
  redeemCode?: CodeRedeemer;
  /**
   * A walk-in taken at a check-in desk (lib/checkin/walk-in.ts, which checked the staff member's
   * venue): also once online registration has closed, on the forum's days.
   */
  atDesk?: boolean;
};

/** The event by slug with the venue chosen (null when none matches), in one statement built once. */
const eventWithVenue = preparedPerDb((db) =>
  db
    .select({ event: events, venue: venues })
    .from(events)
    .leftJoin(venues, and(eq(venues.eventId, events.id), eq(venues.slug, sql.placeholder('venueSlug'))))
    .where(eq(events.slug, sql.placeholder('slug')))
    .prepare('event_with_venue'),
);

/**
 * Registers one person for a published event: the API and the form both call this. Everything it
 * writes (the registration, its seats, its confirmation mail) commits together or not at all.
 *
 * Everything that does not depend on the seat outcome (the event, the choices, what the mail lists)
 * is read and checked first, outside any transaction; the registration then joins the next batch
 * written for its event (registration-batches.ts), which is where the seats are decided.
 */
export async function registerAttendee(
  db: Db,
  eventSlug: string,
  rawInput: unknown,
  options: RegisterOptions = {},
): Promise<RegistrationOutcome> {
  const checked = await prepareRegistration(db, eventSlug, rawInput, options);
  if (!('prepared' in checked)) return checked;
  const { prepared, category } = checked;
  // In a category (categories/): its rules, then its own transaction, which holds its place first.
  if (category) return registerInCategory(db, prepared, category, { categoryLock: options.categoryLock, redeemCode: options.redeemCode });
  return (options.batches ?? registrationBatchesFor(db)).submit(prepared);
}

/** A registration checked against the event, its choices, its questions and its category, ready to be written; or why not. */
export type PreparedOrRefused = { prepared: PreparedRegistration; category: Category | null } | Extract<RegistrationOutcome, { ok: false }>;

/**
 * Everything registerAttendee checks before writing, outside any transaction: the input, the
 * organisers' questions, the event's phase, the choices and the category's rules. A delegation
 * (delegations/register-delegation.ts) checks its head's registration with it.
 */
export async function prepareRegistration(
  db: Db,
  eventSlug: string,
  rawInput: unknown,
  options: Pick<RegisterOptions, 'now' | 'atDesk'> = {},
): Promise<PreparedOrRefused> {
  const parsed = registrationInputSchema.safeParse(rawInput);
  // The organisers' questions are checked in the same request, so every refused field is named at once.
  const questions = await askedQuestionsBySlug(db, eventSlug);
  const answers = checkAnswers(questions, submittedAnswers(rawInput), { categoryId: claimedCategoryId(rawInput) });
  if (!parsed.success || !answers.ok)
    return invalid({ ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(answers.ok ? {} : answers.fields) });
  const input = parsed.data;

  const [row] = await eventWithVenue(db).execute({ slug: eventSlug, venueSlug: input.mode === 'in_person' ? (input.venue ?? '') : '' });
  if (row === undefined || row.event.status === 'draft') return notFound('No such forum');
  const event = row.event;
  const now = options.now ?? new Date();
  const phase = eventPhase(event, now);
  if (phase === 'upcoming') return invalid({ event: vmsg('registrationNotYet') });
  if ((phase === 'closed' && !options.atDesk) || phase === 'archived') return invalid({ event: vmsg('registrationClosed') });
  const choiceVenue = row.venue;
  const [places, published] = await Promise.all([
    loadSessionCandidates(db, input.sessions, choiceVenue?.id ?? null),
    input.sessions.length ? publishedSessionStatuses(db, event) : null,
  ]);
  const choices = checkChoices(event.id, input, { venue: choiceVenue, places, published });
  if ('field' in choices) return invalid({ [choices.field]: choices.message });
  const prepared: PreparedRegistration = {
    id: randomUUID(),
    input,
    event,
    choices,
    now,
    requestId: await currentRequestId(),
    answers: answerRows(questions, answers.answers),
  };
  if (!input.category) return { prepared, category: null };
  const category = await checkCategory(db, event.id, input, choices, now);
  if ('field' in category) return invalid({ [category.field]: category.message });
  return { prepared, category };
}
