import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { users } from '@/db/schema';
import { appEnv } from '@/lib/config/env';
import { clientKey } from '@/lib/security/rate-limit';
import { appSecret } from '@/lib/security/secret';
import { adoptSignInLocale } from './account-locale';
import { consumeMagicLinkToken } from './magic-link';
import { signInWithPassword } from './password-sign-in';
import { actorForSession, closeSession, openSession, SESSION_MAX_AGE_SECONDS } from './sessions';
import { throttledSignInError } from './sign-in-refusal';
import { accountThrottleKey, clearThrottle } from './sign-in-throttle';

type SessionUser = User & { sessionToken: string };

const SESSION_ENDED = 'the session was closed, has expired or its account is disabled';

async function userById(id: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user && !user.disabledAt ? user : null;
}

function headersOf(record: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record ?? {})) if (typeof value === 'string') headers.set(name, value);
  return headers;
}

/** The cookie next-auth keeps its JWT in (its default name, with the __Secure- prefix over https). */
export function sessionCookieName(): string {
  return `${appEnv().appUrl.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
}

/** next-auth configuration; built on demand so nothing reads secrets or the database at build time. */
export function authOptions(): AuthOptions {
  // next-auth builds its redirects (sign-out included) from NEXTAUTH_URL, and falls back to
  // http://localhost:3000 without it. APP_URL is the one public address to configure.
  process.env.NEXTAUTH_URL = appEnv().appUrl;
  return {
    secret: appSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: appEnv().appUrl.startsWith('https://'),
    providers: [
      CredentialsProvider({
        id: 'password',
        name: 'Email and password',
        // Only the names: labels and types would draw next-auth's own sign-in page, which this app
        // replaces (pages.signIn). `locale`: the sign-in page's language, which an account without
        // one adopts (account-locale.ts).
        credentials: { email: {}, password: {}, locale: {} },
        async authorize(credentials, request): Promise<SessionUser | null> {
          const db = await getDb();
          const result = await signInWithPassword(db, credentials, clientKey(headersOf(request?.headers)));
          if (result.outcome === 'throttled') throw throttledSignInError(result.retryAfterSeconds);
          if (result.outcome !== 'signed-in') return null;
          const { user } = result;
          await adoptSignInLocale(db, user.id, credentials?.locale);
          return { id: user.id, email: user.email, name: user.name, sessionToken: await openSession(db, user.id) };
        },
      }),
      CredentialsProvider({
        id: 'magic-link',
        name: 'Email link',
        credentials: { token: {}, locale: {} },
        async authorize(credentials): Promise<SessionUser | null> {
          const token = z.string().min(20).max(200).safeParse(credentials?.token);
          if (!token.success) return null;
          const db = await getDb();
          const userId = await consumeMagicLinkToken(db, token.data);
          const user = userId ? await userById(userId) : null;
          if (!user) return null;
          if (!user.emailVerified) await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
          // Reaching the mailbox proves ownership: password failures by others are forgotten.
          await clearThrottle(db, accountThrottleKey(user.email));
          await adoptSignInLocale(db, user.id, credentials?.locale);
          return { id: user.id, email: user.email, name: user.name, sessionToken: await openSession(db, user.id) };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sessionToken = (user as SessionUser).sessionToken;
          return token;
        }
        // A signed cookie outlives sign-out and account:disable; the session row does not. Throwing
        // makes next-auth answer "signed out" and clear the cookie.
        const sessionToken = typeof token.sessionToken === 'string' ? token.sessionToken : null;
        if (!sessionToken || !(await actorForSession(await getDb(), sessionToken))) throw new Error(SESSION_ENDED);
        return token;
      },
      async session({ session }) {
        // The session token stays in the encrypted cookie: it is a server-side credential, and the
        // browser needs only who is signed in.
        return { user: session.user, expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sessionToken) await closeSession(await getDb(), token.sessionToken as string);
      },
    },
    logger: {
      error(code, metadata) {
        if (code === 'JWT_SESSION_ERROR' && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}
