import { eq } from 'drizzle-orm';
import { auditLog, speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { requireSpeakerEditor } from './own-records';
import { profileFieldErrors, speakerProfileSchema } from './profile-schema';

export type ProfileUpdateResult = { ok: true } | { ok: false; status: 422; fields: Record<string, string> };
/** What the profile form's server action answers: the update's result, or a refusal for someone who may not edit this profile. */
export type ProfileActionResult = ProfileUpdateResult | { ok: false; status: 403; error: string };

/** Saves bio, affiliation, job title and time zone after checking who may edit the record. */
export async function updateSpeakerProfile(db: Db, actor: Actor | null, speakerId: string, values: unknown): Promise<ProfileUpdateResult> {
  const speaker = await requireSpeakerEditor(db, actor, speakerId);
  const parsed = speakerProfileSchema.safeParse(values);
  if (!parsed.success) return { ok: false, status: 422, fields: profileFieldErrors(parsed.error) };
  const input = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .update(speakers)
      .set({
        bio: input.bioZh ? { en: input.bioEn, zh: input.bioZh } : { en: input.bioEn },
        affiliation: input.affiliation,
        jobTitle: input.jobTitle,
        timeZone: input.timeZone,
      })
      .where(eq(speakers.id, speaker.id));
    await tx.insert(auditLog).values({
      eventId: speaker.eventId,
      actorUserId: actor!.userId,
      action: 'speaker.profile.update',
      entity: 'speaker',
      entityId: speaker.id,
      details: { fields: ['bio', 'affiliation', 'jobTitle', 'timeZone'] },
    });
  });
  return { ok: true };
}
