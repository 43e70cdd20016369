// npm run account:disable -- --email ada@example.org [--enable]
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open';
import { emailSchema } from '../lib/auth/schemas';
import { setAccountDisabled } from '../lib/auth/disable-account';
import { appEnv } from '../lib/config/env';
import { runCli } from './cli';

runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' }, enable: { type: 'boolean', default: false } } });
  const email = emailSchema.safeParse(values.email);
  if (!email.success) {
    console.error(`--email: ${email.error.issues[0]?.message ?? 'is required'}`);
    process.exit(2);
  }
  const env = appEnv();
  const opened = env.databaseUrl ? await openDatabase({ databaseUrl: env.databaseUrl }) : await openDatabase({ dataDir: env.dataDir });
  try {
    const found = await setAccountDisabled(opened.db, email.data, !values.enable);
    if (!found) {
      console.error(`No account for ${email.data}`);
      process.exitCode = 1;
      return;
    }
    console.log(values.enable ? `${email.data} can sign in again.` : `${email.data} is disabled; their sessions have ended.`);
  } finally {
    await opened.close();
  }
});
