import { and, eq } from 'drizzle-orm';
import { exhibitorStaff, exhibitors, speakers, users, venues } from '../../db/schema';
import type { Db } from '../../db/types';
import { grantEventRole, upsertUser } from '../auth/users';

/** Sign-in accounts for trying the embedded demo; never created against a real database. */
export const demoAccounts = {
  organiser: { email: 'organiser@forum.demo', password: 'demo-organiser-2026', name: 'Demo Organiser' },
  checkin: { email: 'checkin.bangkok@forum.demo', password: 'demo-checkin-2026', name: 'Bangkok Check-in Desk' },
  speaker: { email: 'li-wei@speakers.hybrid-forum.example', name: 'Li Wei' },
  /** Staff of the demo's Bangkok exhibitor, Siam MedTech: the exhibitor portal (/exhibitor). */
  exhibitor: { email: 'staff@siam-medtech.demo', password: 'demo-exhibitor-2026', name: 'Siam MedTech Staff' },
} as const;

/** The demo exhibitor whose staff the demo exhibitor account is. */
export const DEMO_STAFFED_EXHIBITOR = 'siam-medtech';

export async function seedDemoAccounts(db: Db, eventId: string, eventSlug: string): Promise<void> {
  const organiser = await upsertUser(db, demoAccounts.organiser);
  // The demo organiser may also create forums (and clone this one), as a real lead organiser would.
  await db.update(users).set({ canCreateEvents: true }).where(eq(users.id, organiser));
  await grantEventRole(db, { userId: organiser, eventSlug, role: 'organiser' });

  const [bangkok] = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.eventId, eventId), eq(venues.slug, 'bangkok')));
  const checkin = await upsertUser(db, demoAccounts.checkin);
  await grantEventRole(db, { userId: checkin, eventSlug, role: 'checkin', venueId: bangkok?.id ?? null });

  const staff = await upsertUser(db, demoAccounts.exhibitor);
  const [staffed] = await db
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.slug, DEMO_STAFFED_EXHIBITOR)));
  if (staffed) await db.insert(exhibitorStaff).values({ exhibitorId: staffed.id, userId: staff }).onConflictDoNothing();

  const speakerUser = await upsertUser(db, demoAccounts.speaker);
  await grantEventRole(db, { userId: speakerUser, eventSlug, role: 'speaker' });
  await db
    .update(speakers)
    .set({ userId: speakerUser })
    .where(and(eq(speakers.eventId, eventId), eq(speakers.email, demoAccounts.speaker.email)));
}
