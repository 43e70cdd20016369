import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { appEnv } from '@/lib/config/env';
import { appSecret } from '@/lib/security/secret';
import { consumeMagicLinkToken } from './magic-link';
import { passwordMatches } from './passwords';
import { closeSession, openSession, SESSION_MAX_AGE_SECONDS } from './sessions';
import { passwordSignInSchema } from './schemas';

type SessionUser = User & { sessionToken: string };

async function userById(id: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user && !user.disabledAt ? user : null;
}

/** next-auth configuration; built on demand so nothing reads secrets or the database at build time. */
export function authOptions(): AuthOptions {
  return {
    secret: appSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: appEnv().appUrl.startsWith('https://'),
    providers: [
      CredentialsProvider({
        id: 'password',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials): Promise<SessionUser | null> {
          const parsed = passwordSignInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const db = await getDb();
          const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, parsed.data.email));
          const ok = await passwordMatches(parsed.data.password, user?.passwordHash);
          if (!user || !ok || user.disabledAt) return null;
          return { id: user.id, email: user.email, name: user.name, sessionToken: await openSession(db, user.id) };
        },
      }),
      CredentialsProvider({
        id: 'magic-link',
        name: 'Email link',
        credentials: { token: { label: 'Token', type: 'text' } },
        async authorize(credentials): Promise<SessionUser | null> {
          const token = z.string().min(20).max(200).safeParse(credentials?.token);
          if (!token.success) return null;
          const db = await getDb();
          const userId = await consumeMagicLinkToken(db, token.data);
          const user = userId ? await userById(userId) : null;
          if (!user) return null;
          if (!user.emailVerified) await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
          return { id: user.id, email: user.email, name: user.name, sessionToken: await openSession(db, user.id) };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sessionToken = (user as SessionUser).sessionToken;
        return token;
      },
      async session({ session, token }) {
        return { ...session, sessionToken: token.sessionToken as string | undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sessionToken) await closeSession(await getDb(), token.sessionToken as string);
      },
    },
  };
}
