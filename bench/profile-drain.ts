// `node --import tsx bench/profile-drain.ts [--backend postgres] [--mails 3000] [--registrations 200] [--refuse 10]`:
// the outbox drain of bench/main.ts on its own, on a fresh database, so its rate can be measured (and,
// with `node --cpu-prof`, profiled) without the rest of the bench.
import { parseArgs } from 'node:util';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { createAppDatabase, type Backend } from '../tests/helpers/app-process';
import { addSeatedSession, seatedRegistration } from '../tests/helpers/seated-session';
import { drainOutbox } from './support/outbox-drain';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'postgres' },
    mails: { type: 'string', default: '3000' },
    registrations: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '100' },
    refuse: { type: 'string', default: '0' },
  },
});

const EVENT = 'china-asean-tech-forum';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const database = await createAppDatabase(args.backend as Backend, {
    adminUrl: ADMIN_URL,
    tag: 'drain',
  });
  try {
    const opened = await database.open({ maxConnections: 12 });
    await seedDemoForum(opened.db, { slug: EVENT });
    const seated = await addSeatedSession(opened.db, {
      eventSlug: EVENT,
      venueSlug: 'drain-hall',
      sessionSlug: 'drain',
      capacity: 100,
    });
    for (let i = 0; i < Number(args.registrations); i++) await registerAttendee(opened.db, EVENT, seatedRegistration(seated, i, 'drain'));
    const result = await drainOutbox(opened, {
      total: Number(args.mails),
      concurrency: Number(args.concurrency),
      batchSize: Number(args.batch),
      maxSeconds: 120,
      refusePercent: Number(args.refuse),
      retryAfterMs: 500,
    });
    console.log(JSON.stringify(result, null, 1).replace(/"ids"[\s\S]*?\]/, ''));
    await opened.close();
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
