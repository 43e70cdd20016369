import { randomBytes } from 'node:crypto';

/**
 * Where a generated online meeting takes place: a Jitsi Meet room, which needs no account, named
 * with 128 random bits so nobody finds it by guessing. The invitee may enter their own link instead.
 */
export const MEETING_ROOM_BASE = 'https://meet.jit.si/';

export function generatedMeetingUrl(): string {
  return `${MEETING_ROOM_BASE}HybridForum-${randomBytes(16).toString('hex')}`;
}
