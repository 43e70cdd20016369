import { eq } from 'drizzle-orm';
import { speakers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { requireSpeakerEditor } from './own-records';
import { ok, type Result } from '@/lib/errors/result';
import { photoDataUrl } from './photo';

/** Replaces (bytes) or removes (null) a speaker's photo, after the authorization check. */
export async function setSpeakerPhoto(db: Db, actor: Actor | null, speakerId: string, bytes: Uint8Array | null): Promise<Result> {
  const speaker = await requireSpeakerEditor(db, actor, speakerId);
  let photo: string | null = null;
  if (bytes) {
    const checked = photoDataUrl(bytes);
    if (!checked.ok) return checked;
    photo = checked.dataUrl;
  }
  await db.transaction(async (tx) => {
    await tx.update(speakers).set({ photo }).where(eq(speakers.id, speaker.id));
    await recordAudit(tx, {
      eventId: speaker.eventId,
      actorUserId: actor!.userId,
      action: photo ? 'speaker.photo.update' : 'speaker.photo.remove',
      entity: 'speaker',
      entityId: speaker.id,
      details: photo ? { bytes: bytes!.length } : {},
    });
  });
  return ok();
}
