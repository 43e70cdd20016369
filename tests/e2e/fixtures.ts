import { eq } from 'drizzle-orm';
import { speakers } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Db } from '@/db/types';
import { grantEventRole, upsertUser } from '@/lib/auth/users';

export const OTHER_EVENT = 'other-forum-e2e';
export const PASSWORD = 'e2e-password-2026';

/** People for the authorization matrix, each with a password: one per role that must be refused. */
export const matrixAccounts = {
  attendee: 'attendee@forum.test',
  speaker: 'speaker.matrix@forum.test',
  otherOrganiser: 'organiser@other-forum.test',
} as const;

/** Adds a second event with its own organiser, an account without any role, and a speaker account. */
export async function seedMatrixFixtures(db: Db, eventSlug: string): Promise<void> {
  const otherEventId = await seedDemoForum(db, { slug: OTHER_EVENT });
  // Its speakers are other people: they must not share the demo speakers' addresses and portal.
  await db.update(speakers).set({ email: null }).where(eq(speakers.eventId, otherEventId));
  await upsertUser(db, { email: matrixAccounts.attendee, name: 'Plain Attendee', password: PASSWORD });
  const speaker = await upsertUser(db, { email: matrixAccounts.speaker, name: 'Matrix Speaker', password: PASSWORD });
  await grantEventRole(db, { userId: speaker, eventSlug, role: 'speaker' });
  const other = await upsertUser(db, { email: matrixAccounts.otherOrganiser, name: 'Other Organiser', password: PASSWORD });
  await grantEventRole(db, { userId: other, eventSlug: OTHER_EVENT, role: 'organiser' });
}
