import { eq } from 'drizzle-orm';
import type { EventAttributes } from 'ics';
import { speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import { appEnv } from '@/lib/config/env';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { speakerForCalendarToken } from './calendar-token';
import { speakerSchedule, type SpeakerSession } from './schedule';
import { inviteUid } from '@/lib/calendar/registration-invite';
import { utcSpan } from '@/lib/calendar/utc-span';
import { writeCalendar } from '@/lib/calendar/write-calendar';

export const SPEAKER_ICS_PRODUCT_ID = '-//Hybrid Forum//Speaker//EN';

/** The roles messages/<locale> names under calendar.speaker.roles; any other is shown as stored. */
const ROLES = new Set(['speaker', 'moderator', 'panelist', 'signatory', 'host']);

/** A speaker's part in a session, as the DESCRIPTION of its entry in their feed says it. */
export function speakerSessionDescription(session: SpeakerSession, locale: Locale): string {
  const t = translator(locale, 'calendar');
  const place = (v: SpeakerSession['venue']) => pick(v.city, locale);
  const people = (list: SpeakerSession['coSpeakers']) =>
    list.map((p) => (p.presence === 'remote' ? t('speaker.remotePerson', { name: p.name }) : p.name)).join(', ');
  const role = ROLES.has(session.role) ? t(`speaker.roles.${session.role}`) : session.role;
  return [
    t('speaker.role', {
      role,
      presence: session.presence === 'remote' ? t('speaker.remote') : t('speaker.onSite', { city: place(session.venue) }),
    }),
    session.moderators.length ? t('speaker.moderators', { people: people(session.moderators) }) : '',
    session.coSpeakers.length ? t('speaker.coSpeakers', { people: people(session.coSpeakers) }) : '',
    session.relays.length ? t('speaker.relays', { places: session.relays.map((r) => place(r.venue)).join(', ') }) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The personal iCalendar feed behind a secret link: every session of the person, in UTC. Null when the token is not valid. */
export async function speakerFeed(db: Db, token: string, locale: Locale = 'en'): Promise<{ body: string; filename: string } | null> {
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
    description: speakerSessionDescription(session, locale),
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
