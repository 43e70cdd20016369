import { randomUUID } from 'node:crypto';
import { delegations } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { recordAudit } from '@/lib/audit/record-audit';
import { type CodeRedeemer, redeemInvitationCode } from '../categories/invitation-codes';
import { prepareRegistration } from '../register';
import type { PreparedRegistration } from '../record-registrations';
import { registrationReceipt, type RegistrationReceipt } from '../submit-registration';
import { pathErrors } from './path-errors';
import { delegationFieldsSchema, type DelegationMember } from './schema';
import { type GroupLocks, GroupDoesNotFit, MemberTaken, seatGroup } from './seat-group';

export type DelegationOptions = GroupLocks & { now?: Date; redeemCode?: CodeRedeemer };

/** What the head is told: the same receipt as a registration (the mails carry the manage links), and how many were registered. */
export type DelegationSubmission = Result<{ receipt: RegistrationReceipt; delegationId: string; members: number; pending: boolean }>;

/**
 * A head registers their delegation (docs/delegations.md): their own registration, as the form
 * checks it (the category, its code, the way to attend, the venue, the answers), and one for each
 * member, who shares the head's category, attendance, venue, country, participant type, mail
 * language and answers (each member changes their own answers from their manage page) and chooses
 * their sessions from their manage page. Written in one transaction, all or nothing (seat-group.ts);
 * the invitation code is used once for the whole delegation.
 */
export async function registerDelegation(
  db: Db,
  eventSlug: string,
  rawInput: unknown,
  options: DelegationOptions = {},
): Promise<DelegationSubmission> {
  const raw = (rawInput && typeof rawInput === 'object' ? rawInput : {}) as Record<string, unknown>;
  const fields = delegationFieldsSchema.safeParse({ delegation: raw.delegation, members: raw.members });
  const head = await prepareRegistration(db, eventSlug, rawInput, { now: options.now });
  if (!('prepared' in head) && head.code !== 'invalid') return head;
  const headErrors = 'prepared' in head ? {} : head.fields;
  const memberErrors = fields.success ? {} : pathErrors(fields.error);
  if (fields.success && 'prepared' in head) {
    const headAddress = head.prepared.input.email.toLowerCase();
    fields.data.members.forEach((member, index) => {
      if (member.email.toLowerCase() === headAddress) memberErrors[`members.${index}.email`] = vmsg('memberEmailTwice');
    });
  }
  if (!fields.success || !('prepared' in head) || Object.keys(memberErrors).length) return invalid({ ...headErrors, ...memberErrors });

  const { prepared, category } = head;
  const { delegation, members } = fields.data;
  const delegationId = randomUUID();
  const headRegistration: PreparedRegistration = { ...prepared, delegation: { id: delegationId, head: true, mailTo: null } };
  const group = [headRegistration, ...members.map((member) => memberRegistration(prepared, delegationId, member))];
  try {
    const pending = await db.transaction(async (tx) => {
      await tx.insert(delegations).values({ id: delegationId, eventId: prepared.event.id, ...delegation });
      const seated = await seatGroup(tx, group, category?.id ?? null, options);
      if (category && prepared.input.code) {
        const used = await (options.redeemCode ?? redeemInvitationCode)(
          tx,
          prepared.event.id,
          category.id,
          prepared.input.code,
          prepared.now,
        );
        if (!used) throw new CodeUsedUp();
      }
      await recordAudit(tx, {
        eventId: prepared.event.id,
        actorUserId: null,
        action: 'delegation.create',
        entity: 'delegation',
        entityId: delegationId,
        details: { name: delegation.name, members: group.length, pending: seated.pending, category: category?.id ?? null },
      });
      return seated.pending;
    });
    return ok({ receipt: registrationReceipt(prepared.input.email), delegationId, members: group.length, pending });
  } catch (error) {
    const refusal = groupRefusal(error, (index) => (index === 0 ? 'email' : `members.${index - 1}.email`));
    if (refusal) return refusal;
    if (error instanceof CodeUsedUp) return invalid({ code: vmsg('invitationCode') });
    throw error;
  }
}

class CodeUsedUp extends Error {}

/** GroupDoesNotFit and MemberTaken as the fields they concern; anything else is not a refusal. */
export function groupRefusal(error: unknown, memberField: (index: number) => string) {
  if (error instanceof GroupDoesNotFit)
    return invalid({
      [error.where === 'venue' ? 'venue' : 'members']: vmsg(error.where === 'venue' ? 'delegationVenueFull' : 'delegationNoPlaces', {
        free: error.free,
        size: error.size,
      }),
    });
  if (error instanceof MemberTaken) return invalid({ [memberField(error.index)]: vmsg('memberTaken') });
  return null;
}

/**
 * A member's registration made from the head's: their own name, address, organisation and job
 * title; the head's attendance, venue, category, language and answers; no sessions yet.
 */
export function memberRegistration(
  head: PreparedRegistration,
  delegationId: string,
  member: DelegationMember,
  mailTo: string = head.input.email,
): PreparedRegistration {
  return {
    ...head,
    id: randomUUID(),
    input: {
      ...head.input,
      name: member.name,
      email: member.email,
      organisation: member.organisation,
      jobTitle: member.jobTitle,
      sessions: [],
      needs: '',
    },
    choices: { ...head.choices, seatBySession: new Map(), places: [], relayRooms: new Map() },
    delegation: { id: delegationId, head: false, mailTo: member.mailToHead ? mailTo : null },
  };
}
