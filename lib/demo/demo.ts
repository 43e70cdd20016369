import type { Db } from '../../db/types';
import { seedDemoAccounts } from './demo-accounts';
import { demoEvent } from './demo-data';
import { seedDemoRegistrations } from './demo-registrations';
import { seedDemoForum } from './seed';

/** The whole embedded demo: the forum, its sign-in accounts and a few dozen registrations. */
export async function seedDemo(db: Db): Promise<string> {
  const eventId = await seedDemoForum(db);
  await seedDemoAccounts(db, eventId, demoEvent.slug);
  await seedDemoRegistrations(db, demoEvent.slug);
  return eventId;
}
