import { eq } from 'drizzle-orm';
import { venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { requireInScope, scopedEvent } from '@/lib/admin/event-access';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, type Result } from '@/lib/errors/result';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { vmsg } from '@/lib/validation/message';
import { type CheckInOutcome, checkIn } from './check-in';
import { walkInSchema } from './schema';

export type WalkInOutcome = Result<{ checkIn: CheckInOutcome } | { waitlisted: true }>;

/**
 * Registers someone at the desk and admits them at once, through the one registration path: the
 * venue's seat lock decides whether a place is left (a full venue puts them on its waitlist, and
 * they are not admitted), the confirmation mail brings their manage link. Staff of one venue take
 * walk-ins for that venue only.
 */
export async function registerWalkIn(db: Db, actor: Actor | null, slug: string, raw: unknown, now = new Date()): Promise<WalkInOutcome> {
  const { scope } = await scopedEvent(db, actor, slug, DESK);
  const parsed = walkInSchema.safeParse(raw);
  if (!parsed.success) return invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  requireInScope(scope, parsed.data.venueId);
  const [venue] = await db.select({ slug: venues.slug }).from(venues).where(eq(venues.id, parsed.data.venueId));
  if (!venue) return invalid({ venueId: vmsg('venue') });
  const { venueId: _, ...person } = parsed.data;
  const registered = await registerAttendee(
    db,
    slug,
    { ...person, mode: 'in_person', venue: venue.slug, sessions: [] },
    { now, atDesk: true },
  );
  if (!registered.ok) return registered;
  if (registered.registration.status === 'waitlisted') return { ok: true, waitlisted: true };
  return { ok: true, checkIn: await checkIn(db, actor, slug, ticketCode(registered.registration.id), { now }) };
}
