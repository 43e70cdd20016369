import { createElement } from 'react';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { eventInvites, eventMembers, events, users, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { MagicLinkEmail } from '@/emails/magic-link-email';
import { renderEmail } from '@/emails/render';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import { TEAM_ROLES } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { appEnv } from '@/lib/config/env';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { enqueueMail } from '@/lib/mail/outbox';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { inviteInputSchema } from '../invite-input';
import { teamInviteText } from '../invite-text';
import { INVITE_TTL_MS, newInviteToken } from '../invite-token';

export type InviteResult = Result<{ id: string }>;

/** The database's last word when two organisers invite the same address at once. */
const REFUSED_BY_DATABASE = { event_invites_pending_uq: { email: vmsg('alreadyInvited') } };

/**
 * Invites a person to the event's team: the invite, its mail (through the outbox, in the same
 * transaction) and the audit entry commit together or not at all. Only the token's hash is stored.
 * An address already on the team, one with an open invite, or a venue outside the event is a field
 * error and nothing is written.
 */
export async function inviteMember(db: Db, actor: Actor | null, slug: string, raw: unknown, now = new Date()): Promise<InviteResult> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = inviteInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  let venueName = null;
  if (input.venueId) {
    const [venue] = await db
      .select({ name: venues.name })
      .from(venues)
      .where(and(eq(venues.id, input.venueId), eq(venues.eventId, event.id)));
    if (!venue) return invalid({ venueId: vmsg('venueNotInEvent') });
    venueName = venue.name;
  }
  const [member] = await db
    .select({ role: eventMembers.role })
    .from(eventMembers)
    .innerJoin(users, eq(eventMembers.userId, users.id))
    .where(
      and(eq(eventMembers.eventId, event.id), eq(sql`lower(${users.email})`, input.email), inArray(eventMembers.role, [...TEAM_ROLES])),
    )
    .limit(1);
  if (member) return invalid({ email: vmsg('alreadyMember') });
  const [open] = await db
    .select({ id: eventInvites.id })
    .from(eventInvites)
    .where(and(pendingInvite(event.id, input.email), gt(eventInvites.expiresAt, now)))
    .limit(1);
  if (open) return invalid({ email: vmsg('alreadyInvited') });

  const [{ name: eventName }] = (await db.select({ name: events.name }).from(events).where(eq(events.id, event.id))) as [
    { name: typeof event.name },
  ];
  const { token, hash } = newInviteToken();
  const link = `${appEnv().appUrl}/invite/${token}`;
  const words = teamInviteText({ eventName, role: input.role, venueName, locale: input.locale });
  const { html, text } = await renderEmail(createElement(MagicLinkEmail, { link, text: words }));
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit) => {
    // An expired invite to the same address is no longer open: closing it frees the address for this one.
    await tx.update(eventInvites).set({ revokedAt: now }).where(pendingInvite(event.id, input.email));
    const [created] = await tx
      .insert(eventInvites)
      .values({
        eventId: event.id,
        email: input.email,
        role: input.role,
        venueId: input.venueId,
        locale: input.locale,
        tokenHash: hash,
        invitedBy: actor!.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      })
      .returning({ id: eventInvites.id });
    // Not filed under the event: its mail pages show organisers each mail, and the link in this one
    // signs its holder in as the invitee, who may hold roles in other events (as with sign-in mail).
    await enqueueMail(tx, { kind: 'team.invite', toAddress: input.email, subject: words.subject, html, text });
    await audit({
      action: 'team.invite',
      entity: 'team',
      entityId: created!.id,
      details: { email: input.email, role: input.role, venueId: input.venueId },
    });
    return ok({ id: created!.id });
  });
}

/** Invites to this address in this event that were neither accepted nor revoked (expired or not). */
function pendingInvite(eventId: string, email: string) {
  return and(
    eq(eventInvites.eventId, eventId),
    eq(sql`lower(${eventInvites.email})`, email),
    isNull(eventInvites.acceptedAt),
    isNull(eventInvites.revokedAt),
  );
}
