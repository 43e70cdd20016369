import type { OutboxAttachment } from '@/db/schema';
import { inviteAttachment, type InviteSession } from '@/lib/calendar/registration-invite';
import { sharedRegistrationInvite } from '@/lib/calendar/shared-invite';
import { renderRegistrationBody } from '@/lib/registration/shared-render';
import { ticketPng } from '@/lib/tickets/ticket';
import { type RegistrationMailPayload, type StoredInviteSession, TICKET_CID } from './registration-mail';

/*
 * Rendering a queued registration mail, which the mail worker does after the registration commits.
 * Apart from registration-mail.ts, which builds the queued row: whatever registers (the app server's
 * own registration answer included) then loads no React, calendar or QR code it never runs.
 */

function revived(session: StoredInviteSession): InviteSession {
  return { ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) };
}

/** The mail itself: HTML and text from one template, the invite or cancellation, and the QR ticket. */
export async function renderRegistrationMail(
  payload: RegistrationMailPayload,
): Promise<{ html: string; text: string; attachments: OutboxAttachment[] }> {
  // Rendered once per shape (template, language, sessions of the version), filled in per recipient.
  const { html, text } = await renderRegistrationBody(payload.props);
  const attachments: OutboxAttachment[] = [];
  if (payload.invite.length)
    attachments.push(
      inviteAttachment('invite.ics', await sharedRegistrationInvite(payload.party, payload.invite.map(revived), 'REQUEST'), 'REQUEST'),
    );
  if (payload.cancel.length)
    attachments.push(
      inviteAttachment('cancel.ics', await sharedRegistrationInvite(payload.party, payload.cancel.map(revived), 'CANCEL'), 'CANCEL'),
    );
  if (payload.ticketFor) {
    attachments.push({
      filename: 'ticket.png',
      contentType: 'image/png',
      content: ticketPng(payload.ticketFor).toString('base64'),
      encoding: 'base64',
      cid: TICKET_CID,
    });
  }
  return { html, text, attachments };
}
