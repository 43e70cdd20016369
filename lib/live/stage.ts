import { and, asc, eq, isNull } from 'drizzle-orm';
import { liveStageLinks } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';
import { singleLineText } from '@/lib/validation/text';
import { isModerator, stageLinkSession } from './access';

const PURPOSE = 'live-stage';

/** The venue screen's address: a signed link id, working until a moderator revokes it. */
export function stagePath(linkId: string): string {
  return `/stage/${signIds(PURPOSE, [linkId])}`;
}

export function readStageToken(token: string): string | null {
  return verifySignedIds(PURPOSE, token, 1)?.[0] ?? null;
}

/** The session a stage token shows, or null (forged, or revoked). */
export async function stageSession(db: Db, token: string): Promise<{ linkId: string; sessionId: string } | null> {
  const linkId = readStageToken(token);
  if (!linkId) return null;
  const sessionId = await stageLinkSession(db, linkId);
  return sessionId ? { linkId, sessionId } : null;
}

export const stageLabelSchema = singleLineText(80);

export async function createStageLink(db: Db, actor: Actor | null, sessionId: string, label: unknown): Promise<Result<{ path: string }>> {
  if (!(await isModerator(db, actor, sessionId))) return notFound('No such session');
  const parsed = stageLabelSchema.safeParse(label ?? '');
  const [link] = await db
    .insert(liveStageLinks)
    .values({ sessionId, label: parsed.success ? parsed.data : '', createdBy: actor!.userId })
    .returning({ id: liveStageLinks.id });
  return ok({ path: stagePath(link!.id) });
}

export async function revokeStageLink(db: Db, actor: Actor | null, linkId: string): Promise<Result> {
  const [link] = await db.select().from(liveStageLinks).where(eq(liveStageLinks.id, linkId));
  if (!link || !(await isModerator(db, actor, link.sessionId))) return notFound('No such link');
  await db.update(liveStageLinks).set({ revokedAt: new Date() }).where(eq(liveStageLinks.id, linkId));
  return ok();
}

/** A session's working stage links, for its moderators (the caller has checked the role). */
export async function activeStageLinks(db: Db, sessionId: string) {
  const rows = await db
    .select()
    .from(liveStageLinks)
    .where(and(eq(liveStageLinks.sessionId, sessionId), isNull(liveStageLinks.revokedAt)))
    .orderBy(asc(liveStageLinks.createdAt));
  return rows.map((row) => ({ id: row.id, label: row.label, path: stagePath(row.id), createdAt: row.createdAt }));
}
