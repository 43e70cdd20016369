// npm run organiser:create -- --email ada@example.org --password '…' [--name 'Ada'] [--event slug] [--can-create-events]
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema';
import { openDatabase } from '../db/open';
import { appEnv } from '../lib/config/env';
import { emailSchema } from '../lib/auth/schemas';
import { grantEventRole, upsertUser } from '../lib/auth/users';
import { runCli } from './cli';

const argsSchema = z.object({
  email: emailSchema,
  password: z.string().min(10, 'password must be at least 10 characters').max(200),
  name: z.string().max(200).optional(),
  event: z.string().optional(),
  'can-create-events': z.boolean().optional(),
});

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      event: { type: 'string' },
      'can-create-events': { type: 'boolean' },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    console.error(`--${String(issue.path[0])}: ${issue.message}`);
    process.exit(2);
  }
  const env = appEnv();
  const opened = env.databaseUrl ? await openDatabase({ databaseUrl: env.databaseUrl }) : await openDatabase({ dataDir: env.dataDir });
  try {
    const userId = await upsertUser(opened.db, parsed.data);
    if (parsed.data.event) {
      await grantEventRole(opened.db, { userId, eventSlug: parsed.data.event, role: 'organiser' });
      console.log(`Organiser ${parsed.data.email} can now manage ${parsed.data.event}.`);
      if (parsed.data['can-create-events']) {
        await opened.db.update(users).set({ canCreateEvents: true }).where(eq(users.id, userId));
        console.log(`${parsed.data.email} may also create events.`);
      }
    } else {
      // Without an event the account administers every event.
      await opened.db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, userId));
      console.log(`Organiser ${parsed.data.email} can now manage every event.`);
    }
  } finally {
    await opened.close();
  }
});
