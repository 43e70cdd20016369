import type { Db } from '../../db/types';
import { seedDemo } from './demo';
import { demoAccounts } from './demo-accounts';
import { isEmpty } from './seed';

/** The embedded database is the demo: seeded when it is first found empty, with its sign-in accounts logged at every start. */
export async function prepareEmbeddedDemo(db: Db): Promise<void> {
  if (await isEmpty(db)) {
    await seedDemo(db);
    console.log('[db] seeded the demo forum');
  }
  const { organiser, checkin } = demoAccounts;
  console.log(
    `[demo] organiser sign-in: ${organiser.email} / ${organiser.password} · check-in staff (Bangkok): ${checkin.email} / ${checkin.password}`,
  );
}
