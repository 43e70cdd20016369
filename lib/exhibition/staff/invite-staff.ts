import { createElement } from 'react';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { events, exhibitorStaff, exhibitorStaffInvites, exhibitors, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { MagicLinkEmail } from '@/emails/magic-link-email';
import { renderEmail } from '@/emails/render';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { appEnv } from '@/lib/config/env';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { enqueueMail } from '@/lib/mail/outbox';
import { INVITE_TTL_MS, newInviteToken } from '@/lib/team/invite-token';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { staffInviteInputSchema } from './staff-invite-input';
import { staffInviteText } from './staff-invite-text';

/** The database's last word when two organisers invite the same address to one exhibitor at once. */
const REFUSED_BY_DATABASE = { exhibitor_staff_invites_pending_uq: { email: vmsg('staffAlreadyInvited') } };

/** Invites to this address for this exhibitor that were neither accepted nor revoked (expired or not). */
const pendingInvite = (exhibitorId: string, email: string) =>
  and(
    eq(exhibitorStaffInvites.exhibitorId, exhibitorId),
    eq(sql`lower(${exhibitorStaffInvites.email})`, email),
    isNull(exhibitorStaffInvites.acceptedAt),
    isNull(exhibitorStaffInvites.revokedAt),
  );

/**
 * An organiser invites a person to staff one of the event's exhibitors: the invite (only its token's
 * hash kept), its mail through the outbox in the chosen language, and the audit entry commit together.
 * Someone already on its staff, or with an open invite, is a field error and nothing is written.
 */
export async function inviteExhibitorStaff(
  db: Db,
  actor: Actor | null,
  slug: string,
  exhibitorId: string,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ id: string }>> {
  const event = await organiserEvent(db, actor, slug);
  const [exhibitor] = await db
    .select({ id: exhibitors.id, name: exhibitors.name })
    .from(exhibitors)
    .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)));
  if (!exhibitor) return notFound('No such exhibitor in this event');
  const parsed = staffInviteInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const [member] = await db
    .select({ userId: exhibitorStaff.userId })
    .from(exhibitorStaff)
    .innerJoin(users, eq(exhibitorStaff.userId, users.id))
    .where(and(eq(exhibitorStaff.exhibitorId, exhibitor.id), eq(sql`lower(${users.email})`, input.email)));
  if (member) return invalid({ email: vmsg('alreadyStaff') });
  const [open] = await db
    .select({ id: exhibitorStaffInvites.id })
    .from(exhibitorStaffInvites)
    .where(and(pendingInvite(exhibitor.id, input.email), gt(exhibitorStaffInvites.expiresAt, now)));
  if (open) return invalid({ email: vmsg('staffAlreadyInvited') });

  const [{ name: eventName }] = (await db.select({ name: events.name }).from(events).where(eq(events.id, event.id))) as [
    { name: typeof event.name },
  ];
  const { token, hash } = newInviteToken();
  const link = `${appEnv().appUrl}/exhibitor/invite/${token}`;
  const words = staffInviteText({ eventName, exhibitorName: exhibitor.name, locale: input.locale });
  const { html, text } = await renderEmail(createElement(MagicLinkEmail, { link, text: words }));
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit) => {
    // An expired invite to the same address is no longer open: closing it frees the address for this one.
    await tx.update(exhibitorStaffInvites).set({ revokedAt: now }).where(pendingInvite(exhibitor.id, input.email));
    const [created] = await tx
      .insert(exhibitorStaffInvites)
      .values({
        eventId: event.id,
        exhibitorId: exhibitor.id,
        email: input.email,
        locale: input.locale,
        tokenHash: hash,
        invitedBy: actor!.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      })
      .returning({ id: exhibitorStaffInvites.id });
    // Not filed under the event (as team invites): the link signs its holder in.
    await enqueueMail(tx, { kind: 'exhibitor.staff.invite', toAddress: input.email, subject: words.subject, html, text });
    await audit({
      action: 'exhibitor.staff.invite',
      entity: 'exhibitor',
      entityId: exhibitor.id,
      details: { email: input.email, name: exhibitor.name.en },
    });
    return ok({ id: created!.id });
  });
}
