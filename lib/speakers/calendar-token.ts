import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { appEnv } from '@/lib/config/env';
import { mac, macMatches } from '@/lib/security/signing';
import { ownSpeakerRecords } from './own-records';

const PURPOSE = 'speaker-calendar';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The secret in a speaker's feed link: the record id and a MAC over it and the record's current
 * speakers.calendarToken. The column holds only that random nonce, so the database alone does not
 * give the link away, and replacing the nonce revokes every link made before.
 */
export function calendarFeedToken(speakerId: string, nonce: string): string {
  return `${speakerId}.${mac(PURPOSE, `${speakerId}.${nonce}`)}`;
}

export function calendarFeedUrl(speakerId: string, nonce: string): string {
  return `${appEnv().appUrl}/speaker/calendar/${calendarFeedToken(speakerId, nonce)}.ics`;
}

/** The signed-in speaker's feed link, or null until they create one. */
export async function ownCalendarFeedUrl(db: Db, actor: Actor): Promise<string | null> {
  const records = await ownSpeakerRecords(db, actor);
  const withNonce = records.find((r) => r.calendarToken);
  return withNonce ? calendarFeedUrl(withNonce.id, withNonce.calendarToken!) : null;
}

/** Creates the feed link, or replaces it so the old one stops working. Returns the new link. */
export async function regenerateCalendarFeed(db: Db, actor: Actor | null): Promise<string> {
  if (!actor) throw new AuthorizationError('signed-out');
  const records = await ownSpeakerRecords(db, actor);
  if (records.length === 0) throw new AuthorizationError('forbidden');
  let first: { id: string; nonce: string } | undefined;
  await db.transaction(async (tx) => {
    for (const record of records) {
      const nonce = randomBytes(24).toString('base64url');
      await tx.update(speakers).set({ calendarToken: nonce }).where(eq(speakers.id, record.id));
      first ??= { id: record.id, nonce };
    }
  });
  return calendarFeedUrl(first!.id, first!.nonce);
}

/** The speaker record a feed token was made for, or null when it is malformed, forged or revoked. */
export async function speakerForCalendarToken(db: Db, token: string): Promise<typeof speakers.$inferSelect | null> {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || !UUID.test(id)) return null;
  const [speaker] = await db.select().from(speakers).where(eq(speakers.id, id));
  if (!speaker?.calendarToken) return null;
  return macMatches(PURPOSE, `${id}.${speaker.calendarToken}`, signature) ? speaker : null;
}
