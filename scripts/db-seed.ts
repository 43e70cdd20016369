import { parseArgs } from 'node:util';
import { appEnv } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { seedDemoForum } from '../lib/demo/seed';
import { runCli } from './cli';

runCli(async () => {
  const { values } = parseArgs({ options: { slug: { type: 'string' }, 'first-day': { type: 'string' } } });
  const env = appEnv();
  const opened = env.databaseUrl ? await openDatabase({ databaseUrl: env.databaseUrl }) : await openDatabase({ dataDir: env.dataDir });
  try {
    const id = await seedDemoForum(opened.db, { slug: values.slug, firstDay: values['first-day'] });
    console.log(`Seeded the demo forum (event ${id}, ${opened.driver}).`);
  } finally {
    await opened.close();
  }
});
