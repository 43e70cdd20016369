import { eq } from 'drizzle-orm';
import { exhibitors } from '@/db/schema';
import type { Db } from '@/db/types';
import { changedFields } from '@/lib/admin/changes';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { ok } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
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
 */
export async function updateOwnExhibitor(db: Db, actor: Actor | null, exhibitorId: string, values: unknown): Promise<Saved> {
  const staffed = await requireExhibitorStaff(db, actor, exhibitorId);
  const parsed = parseInput(exhibitorProfileSchema, values);
  if (!parsed.ok) return parsed;
  const next = parsed.value;
  return saveAudited(db, { eventId: staffed.eventId, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [current] = await tx.select().from(exhibitors).where(eq(exhibitors.id, staffed.id)).for('update');
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
