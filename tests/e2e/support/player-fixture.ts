import { and, asc, eq, sql } from 'drizzle-orm';
import { events, registrations, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { joinToken } from '@/lib/livestream/join-token';
import { registerAttendee } from '@/lib/registration/register';
import { e2eHlsPort } from '../../helpers/e2e-ports';

/** The paths tests/e2e/player.spec.ts serves under its HLS server (tests/e2e/fixtures/hls/stream.m3u8 for each). */
export const PLAYER_CHANNELS = { floor: 'floor', zh: 'zh', th: 'th' } as const;

/**
 * A session that is live for the whole test run, with a floor and two interpretation channels on the
 * local HLS server, and an online registrant of it who reads Chinese: their join page. It is a
 * session of the second event, so the demo forum's own programme stays as other tests expect it.
 * Written straight to the database: the session editor takes https streams only.
 */
export async function seedPlayerFixture(db: Db, eventSlug: string): Promise<string> {
  const [session] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(and(eq(events.slug, eventSlug), eq(sessions.streamed, true), eq(sessions.status, 'scheduled')))
    .orderBy(asc(sessions.startsAt))
    .limit(1);
  if (!session) throw new Error(`No streamed session in ${eventSlug}`);
  const base = `http://127.0.0.1:${e2eHlsPort()}`;
  await db
    .update(sessions)
    .set({
      startsAt: sql`now() - interval '10 minutes'`,
      endsAt: sql`now() + interval '12 hours'`,
      livestreamUrl: `${base}/${PLAYER_CHANNELS.floor}/stream.m3u8`,
      interpretationUrls: { zh: `${base}/${PLAYER_CHANNELS.zh}/stream.m3u8`, th: `${base}/${PLAYER_CHANNELS.th}/stream.m3u8` },
    })
    .where(eq(sessions.id, session.id));
  const email = 'player.viewer@example.org';
  const [existing] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.email, email));
  let registrationId = existing?.id;
  if (!registrationId) {
    const result = await registerAttendee(db, eventSlug, {
      name: 'Player Viewer',
      email,
      organisation: 'Guangxi University',
      jobTitle: 'Researcher',
      country: 'CN',
      participantType: 'research_institute',
      mode: 'online',
      sessions: [session.id],
      locale: 'zh',
      consent: true,
    });
    if (!result.ok) throw new Error(`The player's registrant was refused: ${JSON.stringify(result)}`);
    registrationId = result.registration.id;
  }
  return `/join/${joinToken(registrationId, session.id)}`;
}
