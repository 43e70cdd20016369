import { appEnv } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { runCli } from './cli';

runCli(async () => {
  const env = appEnv();
  const opened = env.databaseUrl ? await openDatabase({ databaseUrl: env.databaseUrl }) : await openDatabase({ dataDir: env.dataDir });
  await opened.close();
  console.log(`Migrations applied (${opened.driver}).`);
});
