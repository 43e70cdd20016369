import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { rememberAccountLocale } from '@/lib/auth/account-locale';
import { actorFromSessionCookie } from '@/lib/auth/current';
import { sessionCookieName } from '@/lib/auth/options';
import { getDb } from '@/lib/database/process-database';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/locales';
import { languageSwitchTarget, sitePathSchema } from '@/lib/i18n/switch-target';

const querySchema = z.object({
  to: z.enum(locales),
  back: sitePathSchema.optional().catch('/'),
});

/**
 * Switches the interface language (works without JavaScript) and returns to the page. A signed-in
 * person's choice becomes their account's language too, so mails follow it (docs/languages.md).
 */
export async function GET(request: NextRequest) {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const wanted = querySchema.shape.back.parse(request.nextUrl.searchParams.get('back') ?? undefined);
  const back = languageSwitchTarget(wanted, request.headers.get('referer'), request.headers.get('host'));
  // A link naming a language the site does not have changes nothing and goes back, rather than
  // leaving a person on a developer's error.
  if (!parsed.success) return new NextResponse(null, { status: 303, headers: { Location: back } });
  // A relative Location: behind proxies the server does not know its public origin.
  const actor = await actorFromSessionCookie(request.cookies.get(sessionCookieName())?.value);
  if (actor) await rememberAccountLocale(await getDb(), actor.userId, parsed.data.to);
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  response.cookies.set(LOCALE_COOKIE, parsed.data.to, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  return response;
}
