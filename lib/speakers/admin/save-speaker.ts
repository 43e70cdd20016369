import { vmsg } from '@/lib/validation/message';
import { and, eq, ne, sql } from 'drizzle-orm';
import { eventMembers, speakers, type SpeakerTranslations } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { parseInput } from '@/lib/validation/field-errors';
import { changedFields } from '@/lib/admin/changes';
import { saveAudited } from '@/lib/audit/save-audited';
import { invalid, ok } from '@/lib/errors/result';
import { missing, type Saved } from '@/lib/admin/saved';
import { speakerInputSchema, type SpeakerInput } from './speaker-schema';

const SLUG_TAKEN = vmsg('slugTaken');
const EMAIL_TAKEN = vmsg('emailTaken');

function columns(input: SpeakerInput) {
  return {
    slug: input.slug,
    name: input.name,
    honorific: input.honorific,
    email: input.email,
    jobTitle: input.jobTitle,
    affiliation: input.affiliation,
    translations: translationsOf(input),
    country: input.country,
    timeZone: input.timeZone,
    bio: input.bio,
  };
}

/** The Chinese honorific, job title and affiliation, without empty ones (stored as the pages read them). */
function translationsOf(input: SpeakerInput): SpeakerTranslations {
  const zh = Object.fromEntries(
    Object.entries({ honorific: input.honorificZh, jobTitle: input.jobTitleZh, affiliation: input.affiliationZh }).filter(([, v]) => v),
  );
  return Object.keys(zh).length ? { zh } : {};
}

/**
 * Slug and email must each name one speaker of the event: the slug is the public address, and
 * the email is how the portal links a signed-in person to their record.
 */
async function clashes(db: Db, eventId: string, input: SpeakerInput, exceptId?: string): Promise<Record<string, string>> {
  const others = (condition: ReturnType<typeof eq>) =>
    db
      .select({ id: speakers.id })
      .from(speakers)
      .where(and(eq(speakers.eventId, eventId), condition, exceptId ? ne(speakers.id, exceptId) : undefined))
      .limit(1);
  const fields: Record<string, string> = {};
  if ((await others(eq(speakers.slug, input.slug))).length > 0) fields.slug = SLUG_TAKEN;
  if (input.email && (await others(eq(sql`lower(${speakers.email})`, input.email))).length > 0) fields.email = EMAIL_TAKEN;
  return fields;
}

/** The database's last word on a unique slug, as the form's own field error. */
const REFUSED_BY_DATABASE = { speakers_event_slug_uq: { slug: SLUG_TAKEN } };

/** An organiser adds a speaker; they can reach the portal by asking for a sign-in link at that email. */
export async function createSpeaker(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(speakerInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const fields = await clashes(tx, event.id, input);
    if (Object.keys(fields).length > 0) return invalid(fields);
    const [row] = await tx
      .insert(speakers)
      .values({ eventId: event.id, ...columns(input) })
      .returning({ id: speakers.id });
    await audit({
      action: 'speaker.create',
      entity: 'speaker',
      entityId: row!.id,
      details: { slug: input.slug, name: input.name, email: input.email },
    });
    return ok({ id: row!.id });
  });
}

/**
 * An organiser edits a speaker. When the email changes to another address, the account linked
 * through the old one loses the record (and its speaker role here, if it was its only record): the
 * portal links records by verified email, and the new address's owner links on their next sign-in.
 */
export async function updateSpeaker(db: Db, actor: Actor | null, slug: string, speakerId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(speakerInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select()
      .from(speakers)
      .where(and(eq(speakers.id, speakerId), eq(speakers.eventId, event.id)))
      .for('update');
    if (!current) return missing('speaker');
    const fields = await clashes(tx, event.id, input, current.id);
    if (Object.keys(fields).length > 0) return invalid(fields);

    const next = columns(input);
    const changes = changedFields(current, next);
    if (changes.email && (current.email ?? '').toLowerCase() === (input.email ?? '')) delete changes.email;
    if (Object.keys(changes).length === 0) return ok({ id: current.id });
    const unlink = Boolean(changes.email && current.userId);
    await tx
      .update(speakers)
      .set({ ...next, ...(unlink ? { userId: null } : {}) })
      .where(eq(speakers.id, current.id));
    if (unlink) await dropSpeakerRoleIfUnused(tx, event.id, current.userId!);
    await audit({
      action: 'speaker.update',
      entity: 'speaker',
      entityId: current.id,
      details: { slug: next.slug, changes, ...(unlink ? { unlinkedAccount: current.userId } : {}) },
    });
    return ok({ id: current.id });
  });
}

async function dropSpeakerRoleIfUnused(tx: Db, eventId: string, userId: string): Promise<void> {
  const [still] = await tx
    .select({ id: speakers.id })
    .from(speakers)
    .where(and(eq(speakers.eventId, eventId), eq(speakers.userId, userId)))
    .limit(1);
  if (still) return;
  await tx
    .delete(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId), eq(eventMembers.role, 'speaker')));
}
