import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { sessionSpeakers, speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import type { SpeakerFormValues } from './speaker-schema';
import { localizedFormValues } from '@/lib/validation/localized-text-input';

/** An event's speakers by name, with how many sessions each is in and whether they have signed in. */
export async function listSpeakers(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      honorific: speakers.honorific,
      email: speakers.email,
      jobTitle: speakers.jobTitle,
      affiliation: speakers.affiliation,
      country: speakers.country,
      timeZone: speakers.timeZone,
      userId: speakers.userId,
    })
    .from(speakers)
    .where(eq(speakers.eventId, event.id))
    .orderBy(asc(speakers.name), asc(speakers.slug));
  const ids = rows.map((s) => s.id);
  const counts = ids.length
    ? await db
        .select({ speakerId: sessionSpeakers.speakerId, n: count() })
        .from(sessionSpeakers)
        .where(inArray(sessionSpeakers.speakerId, ids))
        .groupBy(sessionSpeakers.speakerId)
    : [];
  const sessionCount = new Map(counts.map((c) => [c.speakerId, c.n]));
  return {
    event,
    speakers: rows.map(({ userId, ...s }) => ({ ...s, hasAccount: userId !== null, sessionCount: sessionCount.get(s.id) ?? 0 })),
  };
}

/** The form values that show a stored speaker as it is. */
export function speakerFormValues(speaker: typeof speakers.$inferSelect): SpeakerFormValues {
  return {
    slug: speaker.slug,
    name: speaker.name,
    honorific: speaker.honorific,
    email: speaker.email ?? '',
    jobTitle: speaker.jobTitle,
    affiliation: speaker.affiliation,
    honorificZh: speaker.translations.zh?.honorific ?? '',
    jobTitleZh: speaker.translations.zh?.jobTitle ?? '',
    affiliationZh: speaker.translations.zh?.affiliation ?? '',
    country: speaker.country,
    timeZone: speaker.timeZone ?? '',
    bio: localizedFormValues(speaker.bio),
  };
}

export const emptySpeakerValues: SpeakerFormValues = {
  slug: '',
  name: '',
  honorific: '',
  email: '',
  jobTitle: '',
  affiliation: '',
  honorificZh: '',
  jobTitleZh: '',
  affiliationZh: '',
  country: '',
  timeZone: '',
  bio: localizedFormValues(null),
};

/** One speaker of the event for its edit page, or null when the speaker is not this event's. */
export async function speakerForEdit(db: Db, actor: Actor | null, slug: string, speakerId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [speaker] = await db
    .select()
    .from(speakers)
    .where(and(eq(speakers.id, speakerId), eq(speakers.eventId, event.id)));
  if (!speaker) return { event, speaker: null };
  return {
    event,
    speaker: { id: speaker.id, name: speaker.name, hasAccount: speaker.userId !== null },
    values: speakerFormValues(speaker),
  };
}

/** The event of the "new speaker" page, for its organisers. */
export async function newSpeakerDefaults(db: Db, actor: Actor | null, slug: string) {
  return { event: await organiserEvent(db, actor, slug), values: emptySpeakerValues };
}
