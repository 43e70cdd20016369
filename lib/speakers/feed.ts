import { eq } from 'drizzle-orm';
import type { EventAttributes } from 'ics';
import { speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import { appEnv } from '@/lib/config/env';
import { pick } from '@/lib/i18n/text';
import { speakerForCalendarToken } from './calendar-token';
import { speakerSchedule, type SpeakerSession } from './schedule';
import { inviteUid } from '@/lib/calendar/registration-invite';
import { utcSpan } from '@/lib/calendar/utc-span';
import { writeCalendar } from '@/lib/calendar/write-calendar';

export const SPEAKER_ICS_PRODUCT_ID = '-//Hybrid Forum//Speaker//EN';

const ROLE = { speaker: 'Speaker', moderator: 'Moderator', panelist: 'Panellist', signatory: 'Signatory', host: 'Host' } as Record<
  string,
  string
>;

function describe(session: SpeakerSession, locale: string): string {
  const place = (v: SpeakerSession['venue']) => pick(v.city, locale);
  const people = (list: SpeakerSession['coSpeakers']) =>
    list.map((p) => `${p.name}${p.presence === 'remote' ? ' (remote)' : ''}`).join(', ');
  return [
    `Your role: ${ROLE[session.role] ?? session.role}, ${session.presence === 'remote' ? 'joining remotely' : `on site in ${place(session.venue)}`}`,
    session.moderators.length ? `Moderator: ${people(session.moderators)}` : '',
    session.coSpeakers.length ? `With: ${people(session.coSpeakers)}` : '',
    session.relays.length ? `Shown live at: ${session.relays.map((r) => place(r.venue)).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The personal iCalendar feed behind a secret link: every session of the person, in UTC. Null when the token is not valid. */
export async function speakerFeed(db: Db, token: string, locale: 'en' | 'zh' = 'en'): Promise<{ body: string; filename: string } | null> {
  const speaker = await speakerForCalendarToken(db, token);
  if (!speaker) return null;
  // A linked account's feed covers all its records (one per event); an unlinked record only itself.
  const records = speaker.userId
    ? await db.select({ id: speakers.id }).from(speakers).where(eq(speakers.userId, speaker.userId))
    : [{ id: speaker.id }];
  const schedule = await speakerSchedule(
    db,
    records.map((r) => r.id),
  );
  const base = appEnv().appUrl;
  const calName = `Hybrid Forum · ${speaker.name}`;
  const events: EventAttributes[] = schedule.map((session) => ({
    uid: inviteUid(null, session.sessionId),
    sequence: session.revision,
    ...utcSpan(session.startsAt, session.endsAt),
    title: pick(session.title, locale),
    description: describe(session, locale),
    location: [session.room ? pick(session.room, locale) : null, pick(session.venue.name, locale), pick(session.venue.city, locale)]
      .filter(Boolean)
      .join(', '),
    ...(session.event.published ? { url: `${base}/events/${session.event.slug}/sessions/${session.slug}` } : {}),
    status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    categories: [session.kind],
    productId: SPEAKER_ICS_PRODUCT_ID,
  }));
  const filename = `speaker-${speaker.slug}.ics`;
  return { body: writeCalendar(events, { productId: SPEAKER_ICS_PRODUCT_ID, calName, method: 'PUBLISH' }), filename };
}
