import { eq, sql } from 'drizzle-orm';
import { speakers, users } from '@/db/schema';
import type { Db } from '@/db/types';

/**
 * Organisers add speakers by email without creating accounts; the first sign-in link a speaker
 * asks for creates one, so every listed speaker can reach the portal. Only an address that is on a
 * speaker record gets an account; the email link itself proves the person owns it.
 */
export async function ensureSpeakerAccount(db: Db, email: string): Promise<void> {
  const normalised = email.trim().toLowerCase();
  const [speaker] = await db
    .select({ name: speakers.name })
    .from(speakers)
    .where(eq(sql`lower(${speakers.email})`, normalised))
    .limit(1);
  if (!speaker) return;
  await db.insert(users).values({ email: normalised, name: speaker.name }).onConflictDoNothing();
}
