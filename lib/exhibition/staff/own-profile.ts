import { and, eq, sql } from 'drizzle-orm';
import { exhibitorStaff, exhibitors, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { changedFields } from '@/lib/admin/changes';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, ok } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { exhibitorProfileSchema, type ExhibitorProfileValues } from '../admin/exhibitor-schema';
import { requireExhibitorStaff } from './staff-access';

/** The exhibitor's profile as the portal's form starts from it; only its own staff read it. */
export async function ownExhibitorProfile(db: Db, actor: Actor | null, exhibitorId: string) {
  const staffed = await requireExhibitorStaff(db, actor, exhibitorId);
  const [row] = await db.select().from(exhibitors).where(eq(exhibitors.id, staffed.id));
  const values: ExhibitorProfileValues = {
    name: localizedFormValues(row!.name),
    description: localizedFormValues(row!.description),
    country: row!.country,
    sectors: row!.sectors,
    website: row!.website,
    contactName: row!.contactName,
    contactEmail: row!.contactEmail,
    contactPhone: row!.contactPhone,
  };
  return { exhibitor: row!, eventSlug: staffed.eventSlug, values };
}

/**
 * Staff save their exhibitor's profile. Decision (docs/exhibitors.md): an approved profile stays
 * approved and the change is public at once, as on Swapcard-like platforms; organisers see every
 * change, who made it and which fields, on the event's audit page (`exhibitor.update`), and can
 * correct it. The public address and the booth stay the organisers' to assign.
 *
 * The contact address decides whose registration answers the exhibitor's meeting requests
 * (lib/meetings/exhibitor-staff-meetings.ts): staff may keep it, clear it, or give the address of one of
 * the exhibitor's own staff accounts, never another attendee's (who would then be booked, and named on
 * the portal, without having agreed). Organisers may set any address.
 */
export async function updateOwnExhibitor(db: Db, actor: Actor | null, exhibitorId: string, values: unknown): Promise<Saved> {
  const staffed = await requireExhibitorStaff(db, actor, exhibitorId);
  const parsed = parseInput(exhibitorProfileSchema, values);
  if (!parsed.ok) return parsed;
  const next = parsed.value;
  return saveAudited(db, { eventId: staffed.eventId, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [current] = await tx.select().from(exhibitors).where(eq(exhibitors.id, staffed.id)).for('update');
    if (!(await contactEmailStaffMayChoose(tx, staffed.id, current!.contactEmail, next.contactEmail))) {
      return invalid({ contactEmail: vmsg('contactNotStaff') });
    }
    const changes = changedFields(current!, next);
    if (Object.keys(changes).length === 0) return ok({ id: staffed.id });
    await tx.update(exhibitors).set(next).where(eq(exhibitors.id, staffed.id));
    await audit({
      action: 'exhibitor.update',
      entity: 'exhibitor',
      entityId: staffed.id,
      details: { slug: current!.slug, name: next.name.en, changes, byStaff: true },
    });
    return ok({ id: staffed.id });
  });
}

async function contactEmailStaffMayChoose(tx: Db, exhibitorId: string, current: string, chosen: string): Promise<boolean> {
  const wanted = chosen.trim().toLowerCase();
  if (wanted === '' || wanted === current.trim().toLowerCase()) return true;
  const [staff] = await tx
    .select({ userId: exhibitorStaff.userId })
    .from(exhibitorStaff)
    .innerJoin(users, eq(users.id, exhibitorStaff.userId))
    .where(and(eq(exhibitorStaff.exhibitorId, exhibitorId), sql`lower(${users.email}) = ${wanted}`));
  return Boolean(staff);
}
