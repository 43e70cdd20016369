import { and, asc, eq, sql } from 'drizzle-orm';
import { vmsg } from '@/lib/validation/message';
import { z } from 'zod';
import { registrations, streamGrants, users } from '@/db/schema';
import { invalid, ok, type Result } from '@/lib/errors/result';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { eventTimestamp } from '@/lib/format/event-time';

/** The form and the server action parse with this. */
export const streamGrantInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(vmsg('email')).max(254, vmsg('tooLong', { max: 254 }))),
});

/**
 * Who, beyond online registrants, may open this event's livestreams (press, VIPs, in-person
 * speakers…), with when each was granted in the event's zone, as the rest of admin shows times.
 */
export async function listStreamGrants(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({ email: streamGrants.email, createdAt: streamGrants.createdAt, grantedBy: users.email })
    .from(streamGrants)
    .leftJoin(users, eq(streamGrants.grantedBy, users.id))
    .where(eq(streamGrants.eventId, event.id))
    .orderBy(asc(streamGrants.email));
  return rows.map((row) => ({ ...row, grantedAt: eventTimestamp(row.createdAt, event.timeZone) }));
}

/**
 * What a grant did, for the organiser's notice. A grant sends no mail: it lets the holder of an
 * active registration with this address open the join links on their registration page, now or from
 * the moment they register.
 */
export type StreamGrantOutcome = { email: string; registered: boolean; alreadyGranted: boolean };

/** Which notice the streams page shows after a grant (its `saved` parameter). */
export const grantNoticeSchema = z.enum(['1', 'granted-registered', 'granted-unregistered', 'already-registered', 'already-unregistered']);
export type GrantNotice = z.infer<typeof grantNoticeSchema>;

export function grantNotice(outcome: StreamGrantOutcome): GrantNotice {
  return `${outcome.alreadyGranted ? 'already' : 'granted'}-${outcome.registered ? 'registered' : 'unregistered'}`;
}

export async function grantStreamAccess(db: Db, actor: Actor | null, slug: string, raw: unknown): Promise<Result<StreamGrantOutcome>> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = streamGrantInputSchema.safeParse(raw);
  if (!parsed.success) return invalid({ email: parsed.error.issues[0]?.message ?? vmsg('email') });
  const [registration] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, event.id),
        sql`lower(${registrations.email}) = ${parsed.data.email}`,
        sql`${registrations.status} <> 'cancelled'`,
      ),
    )
    .limit(1);
  const added = await db.transaction(async (tx) => {
    const added = await tx
      .insert(streamGrants)
      .values({ eventId: event.id, email: parsed.data.email, grantedBy: actor!.userId })
      .onConflictDoNothing()
      .returning();
    if (added.length)
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'stream.grant',
        entity: 'registration',
        entityId: null,
        details: { email: parsed.data.email },
      });
    return added.length > 0;
  });
  return ok({ email: parsed.data.email, registered: Boolean(registration), alreadyGranted: !added });
}

export async function revokeStreamAccess(db: Db, actor: Actor | null, slug: string, email: string): Promise<void> {
  const event = await organiserEvent(db, actor, slug);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(streamGrants)
      .where(and(eq(streamGrants.eventId, event.id), sql`lower(${streamGrants.email}) = lower(${email})`))
      .returning();
    if (removed.length)
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'stream.revoke',
        entity: 'registration',
        entityId: null,
        details: { email },
      });
  });
}

/** Whether an address was granted stream access for an event (checked on every use, so revoking bites at once). */
export async function hasStreamGrant(db: Db, eventId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ email: streamGrants.email })
    .from(streamGrants)
    .where(and(eq(streamGrants.eventId, eventId), sql`lower(${streamGrants.email}) = lower(${email})`));
  return Boolean(row);
}
