import { z } from 'zod';
import type { Db } from '@/db/types';
import { meetingTargetSchema } from './request-schema';
import { participantForToken } from './participant';

/** What a visitor pastes: their manage link as mailed to them (whole address or path), and whom to meet. */
export const openMeetingsSchema = z.object({
  link: z.string().trim().max(600),
  with: meetingTargetSchema,
});

/**
 * The meetings page, with the request form set on `with`, of the registration a pasted manage link
 * names: a public page cannot know who the visitor is, so the link they were mailed says it. Null
 * for a link that is not a confirmed registration's of this event (the same answer for every case,
 * so nothing is learnt about who is registered).
 */
export async function meetingsPathFromLink(db: Db, eventId: string, values: unknown): Promise<string | null> {
  const parsed = openMeetingsSchema.safeParse(values);
  if (!parsed.success) return null;
  const match = /\/manage\/([^/?#\s]+)/.exec(parsed.data.link) ?? /^([A-Za-z0-9._~%-]{20,})$/.exec(parsed.data.link);
  if (!match) return null;
  let token: string;
  try {
    token = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  const person = await participantForToken(db, token);
  if (!person || person.eventId !== eventId) return null;
  const target = `${parsed.data.with.kind}:${parsed.data.with.id}`;
  return `/manage/${encodeURIComponent(token)}/meetings?with=${encodeURIComponent(target)}#request`;
}
