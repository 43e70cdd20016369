import { and, eq } from 'drizzle-orm';
import { listings, outcomes, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { changedFields } from '@/lib/admin/changes';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { outcomeInputSchema, type OutcomeInput } from '../outcome-schema';

const missingOutcome = () => notFound('No such outcome in this event');

function columns(input: OutcomeInput) {
  return {
    kind: input.kind,
    title: input.title,
    parties: input.parties,
    sector: input.sector,
    signedOn: input.signedOn,
    sessionId: input.sessionId || null,
    listingId: input.listingId || null,
    public: input.public,
  };
}

/** The session and the listing, when chosen, must be this event's: an id of another event is refused as unknown. */
async function foreignChoices(tx: Db, eventId: string, input: OutcomeInput): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (input.sessionId) {
    const [session] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.eventId, eventId)));
    if (!session) fields.sessionId = vmsg('sessionUnknown');
  }
  if (input.listingId) {
    const [listing] = await tx
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.id, input.listingId), eq(listings.eventId, eventId)));
    if (!listing) fields.listingId = vmsg('choose');
  }
  return fields;
}

/** An organiser records an outcome of the event; it is public only when they say so. */
export async function createOutcome(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(outcomeInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const fields = await foreignChoices(tx, event.id, input);
    if (Object.keys(fields).length > 0) return invalid(fields);
    const [row] = await tx
      .insert(outcomes)
      .values({ eventId: event.id, ...columns(input) })
      .returning({ id: outcomes.id });
    await audit({
      action: 'outcome.create',
      entity: 'outcome',
      entityId: row!.id,
      details: { title: input.title.en, kind: input.kind, public: input.public },
    });
    return ok({ id: row!.id });
  });
}

/** An organiser corrects an outcome; saving it unchanged records nothing. */
export async function updateOutcome(
  db: Db,
  actor: Actor | null,
  slug: string,
  outcomeId: string,
  values: unknown,
  now = new Date(),
): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(outcomeInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select()
      .from(outcomes)
      .where(and(eq(outcomes.id, outcomeId), eq(outcomes.eventId, event.id)))
      .for('update');
    if (!current) return missingOutcome();
    const fields = await foreignChoices(tx, event.id, input);
    if (Object.keys(fields).length > 0) return invalid(fields);
    const next = columns(input);
    const changes = changedFields(current, next);
    if (Object.keys(changes).length === 0) return ok({ id: current.id });
    await tx
      .update(outcomes)
      .set({ ...next, updatedAt: now })
      .where(eq(outcomes.id, current.id));
    await audit({ action: 'outcome.update', entity: 'outcome', entityId: current.id, details: { title: next.title.en, changes } });
    return ok({ id: current.id });
  });
}

/** An organiser deletes an outcome recorded by mistake; the audit log keeps what it was. */
export async function deleteOutcome(db: Db, actor: Actor | null, slug: string, outcomeId: string): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Result> => {
    const [gone] = await tx
      .delete(outcomes)
      .where(and(eq(outcomes.id, outcomeId), eq(outcomes.eventId, event.id)))
      .returning();
    if (!gone) return missingOutcome();
    await audit({
      action: 'outcome.delete',
      entity: 'outcome',
      entityId: gone.id,
      details: { title: gone.title.en, kind: gone.kind, parties: gone.parties, signedOn: gone.signedOn, public: gone.public },
    });
    return ok();
  });
}
