import { eq } from 'drizzle-orm';
import { speakers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { requireSpeakerEditor } from './own-records';
import { profileFieldErrors, speakerProfileSchema } from './profile-schema';

/** Saves bio, affiliation, job title and time zone after checking who may edit the record. */
export async function updateSpeakerProfile(db: Db, actor: Actor | null, speakerId: string, values: unknown): Promise<Result> {
  const speaker = await requireSpeakerEditor(db, actor, speakerId);
  const parsed = speakerProfileSchema.safeParse(values);
  if (!parsed.success) return invalid(profileFieldErrors(parsed.error));
  const input = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .update(speakers)
      .set({
        // Every offered language is on the form, so what it sends is the whole biography.
        bio: input.bio,
        affiliation: input.affiliation,
        jobTitle: input.jobTitle,
        timeZone: input.timeZone,
      })
      .where(eq(speakers.id, speaker.id));
    await recordAudit(tx, {
      eventId: speaker.eventId,
      actorUserId: actor!.userId,
      action: 'speaker.profile.update',
      entity: 'speaker',
      entityId: speaker.id,
      details: { fields: ['bio', 'affiliation', 'jobTitle', 'timeZone'] },
    });
  });
  return ok();
}
