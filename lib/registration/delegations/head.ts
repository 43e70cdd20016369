import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { delegations, events, registrationAnswers, registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { eventPhase } from '@/lib/events/lifecycle';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { currentRequestId } from '@/lib/observability/request-context';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';
import { attendeeCategories } from '@/db/schema';
import { cancelRegistration } from '../manage';
import { registrationIdFromManageToken } from '../manage-token';
import type { PreparedRegistration } from '../record-registrations';
import { groupRefusal, memberRegistration } from './register-delegation';
import { delegationMemberSchema } from './schema';
import { seatGroup } from './seat-group';

type Registration = typeof registrations.$inferSelect;
export type HeadView = { delegation: typeof delegations.$inferSelect; head: Registration; members: Registration[] };

/**
 * The delegation a manage token's registration heads, with every registration in it (the head
 * first, then the members in the order they were added); null unless the token is a head's.
 */
export async function delegationForHead(db: Db, token: string): Promise<HeadView | null> {
  const id = registrationIdFromManageToken(token);
  if (!id) return null;
  const [head] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, id), eq(registrations.delegationHead, true)));
  if (!head?.delegationId || head.erasedAt) return null;
  const [delegation] = await db.select().from(delegations).where(eq(delegations.id, head.delegationId));
  if (!delegation) return null;
  const members = await db
    .select()
    .from(registrations)
    .where(eq(registrations.delegationId, delegation.id))
    .orderBy(desc(registrations.delegationHead), asc(registrations.createdAt), asc(registrations.id));
  return { delegation, head, members };
}

/** The delegation a registration belongs to (its name), for the member's own manage page. */
export async function delegationOf(db: Db, registration: Pick<Registration, 'delegationId'>) {
  if (!registration.delegationId) return null;
  const [delegation] = await db.select().from(delegations).where(eq(delegations.id, registration.delegationId));
  return delegation ?? null;
}

/**
 * The head adds one member (docs/delegations.md): within the category's rules (the event's and the
 * category's registration window; a place in the category and at the venue, or nothing; pending when
 * the category needs approval), with the head's attendance, venue, language and current answers.
 */
export async function addDelegationMember(db: Db, token: string, raw: unknown, now = new Date()): Promise<Result> {
  const view = await delegationForHead(db, token);
  if (!view) return notFound('No such delegation');
  const parsed = delegationMemberSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { head, delegation } = view;
  const [row] = await db
    .select({ event: events, venue: venues, category: attendeeCategories })
    .from(events)
    .leftJoin(venues, eq(venues.id, sql`${head.venueId}`))
    .leftJoin(attendeeCategories, eq(attendeeCategories.id, sql`${head.categoryId}`))
    .where(eq(events.id, head.eventId));
  if (!row) return notFound('No such forum');
  if (eventPhase(row.event, now) !== 'open') return invalid({ email: vmsg('registrationClosed') });
  const category = row.category;
  if (category?.opensAt && now < category.opensAt) return invalid({ email: vmsg('categoryNotYet') });
  if (category?.closesAt && now >= category.closesAt) return invalid({ email: vmsg('categoryClosed') });
  const answers = await db
    .select({
      questionId: registrationAnswers.questionId,
      questionVersion: registrationAnswers.questionVersion,
      textValue: registrationAnswers.textValue,
      numberValue: registrationAnswers.numberValue,
      dateValue: registrationAnswers.dateValue,
      boolValue: registrationAnswers.boolValue,
      optionIds: registrationAnswers.optionIds,
    })
    .from(registrationAnswers)
    .where(eq(registrationAnswers.registrationId, head.id));
  const headPrepared: PreparedRegistration = {
    id: head.id,
    input: {
      name: head.name,
      email: head.email,
      organisation: head.organisation,
      jobTitle: head.jobTitle,
      country: head.country,
      participantType: head.participantType,
      mode: head.mode,
      venue: row.venue?.slug ?? null,
      sessions: [],
      needs: '',
      locale: head.locale as PreparedRegistration['input']['locale'],
      consent: true,
      category: head.categoryId,
      code: null,
    },
    event: row.event,
    choices: { venue: row.venue, seatBySession: new Map(), places: [], relayRooms: new Map() },
    now,
    requestId: await currentRequestId(),
    answers,
  };
  const member = memberRegistration(headPrepared, delegation.id, parsed.data, head.email);
  try {
    await db.transaction(async (tx) => {
      await seatGroup(tx, [member], head.categoryId);
      await recordAudit(tx, {
        eventId: head.eventId,
        actorUserId: null,
        action: 'delegation.member.add',
        entity: 'registration',
        entityId: member.id,
        details: { delegation: delegation.name },
      });
    });
  } catch (error) {
    const refusal = groupRefusal(error, () => 'email');
    if (refusal) return refusal;
    throw error;
  }
  return ok();
}

/** The member a head names, only among their own delegation's (not the head: their own page changes their own). */
function ownMember(view: HeadView, memberId: unknown): Registration | null {
  if (typeof memberId !== 'string') return null;
  return view.members.find((m) => m.id === memberId && !m.delegationHead && !m.erasedAt) ?? null;
}

export const memberChangeSchema = z.object({
  name: singleLineText(120).pipe(z.string().min(1, vmsg('required'))),
  organisation: singleLineText(200).default(''),
  jobTitle: singleLineText(120).default(''),
  mailToHead: delegationMemberSchema.shape.mailToHead,
});

/** The head changes a member's name, organisation, job title and where their mail goes (their address only they change, by its confirmation link). */
export async function changeDelegationMember(db: Db, token: string, memberId: unknown, raw: unknown): Promise<Result> {
  const view = await delegationForHead(db, token);
  if (!view) return notFound('No such delegation');
  const member = ownMember(view, memberId);
  if (!member) return invalid({ member: vmsg('notYourMember') });
  const parsed = memberChangeSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  await db.transaction(async (tx) => {
    await tx
      .update(registrations)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(and(eq(registrations.id, member.id), eq(registrations.delegationId, view.delegation.id)));
    await recordAudit(tx, {
      eventId: member.eventId,
      actorUserId: null,
      action: 'delegation.member.change',
      entity: 'registration',
      entityId: member.id,
      details: { delegation: view.delegation.name },
    });
  });
  return ok();
}

/** The head cancels a member's registration: its places go to whoever waits, as any cancellation's do. */
export async function cancelDelegationMember(db: Db, token: string, memberId: unknown): Promise<Result> {
  const view = await delegationForHead(db, token);
  if (!view) return notFound('No such delegation');
  const member = ownMember(view, memberId);
  if (!member || member.status === 'cancelled') return invalid({ member: vmsg('notYourMember') });
  const outcome = await cancelRegistration(db, member.id);
  if (!outcome.ok) return outcome;
  await recordAudit(db, {
    eventId: member.eventId,
    actorUserId: null,
    action: 'delegation.member.cancel',
    entity: 'registration',
    entityId: member.id,
    details: { delegation: view.delegation.name },
  });
  return ok();
}
