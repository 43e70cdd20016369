import { and, eq, ne, sql } from 'drizzle-orm';
import { exhibitors, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { changedFields } from '@/lib/admin/changes';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { exhibitorInputSchema, type ExhibitorInput } from './exhibitor-schema';

const SLUG_TAKEN = vmsg('slugTaken');
const BOOTH_TAKEN = vmsg('boothTaken');
const missingExhibitor = () => notFound('No such exhibitor in this event');

function columns(input: ExhibitorInput) {
  const onSite = input.venueId !== '';
  return {
    slug: input.slug,
    name: input.name,
    description: input.description,
    country: input.country,
    sectors: input.sectors,
    website: input.website,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    venueId: onSite ? input.venueId : null,
    hall: onSite ? input.hall : null,
    booth: onSite ? input.booth : null,
  };
}

/** The slug is the exhibitor's public address; the booth venue must be this event's, and the booth free. */
async function clashes(tx: Db, eventId: string, input: ExhibitorInput, exceptId?: string): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const except = exceptId ? ne(exhibitors.id, exceptId) : undefined;
  const [sameSlug] = await tx
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.slug, input.slug), except))
    .limit(1);
  if (sameSlug) fields.slug = SLUG_TAKEN;
  if (input.venueId === '') return fields;
  const [venue] = await tx
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.id, input.venueId), eq(venues.eventId, eventId)));
  if (!venue) return { ...fields, venueId: vmsg('venueNotInEvent') };
  const [sameBooth] = await tx
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .where(
      and(
        eq(exhibitors.venueId, input.venueId),
        eq(sql`lower(${exhibitors.hall})`, input.hall.toLowerCase()),
        eq(sql`lower(${exhibitors.booth})`, input.booth.toLowerCase()),
        except,
      ),
    )
    .limit(1);
  if (sameBooth) fields.booth = BOOTH_TAKEN;
  return fields;
}

/** The database's last word when two saves race for one slug or one booth. */
const REFUSED_BY_DATABASE = { exhibitors_event_slug_uq: { slug: SLUG_TAKEN }, exhibitors_booth_uq: { booth: BOOTH_TAKEN } };

/** An organiser adds an exhibitor; it stays pending (not public) until approved. */
export async function createExhibitor(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(exhibitorInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const fields = await clashes(tx, event.id, input);
    if (Object.keys(fields).length > 0) return invalid(fields);
    const [row] = await tx
      .insert(exhibitors)
      .values({ eventId: event.id, ...columns(input) })
      .returning({ id: exhibitors.id });
    await audit({ action: 'exhibitor.create', entity: 'exhibitor', entityId: row!.id, details: { slug: input.slug, name: input.name.en } });
    return ok({ id: row!.id });
  });
}

/** An organiser edits an exhibitor's profile or booth; an approved profile stays approved. */
export async function updateExhibitor(db: Db, actor: Actor | null, slug: string, exhibitorId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(exhibitorInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select()
      .from(exhibitors)
      .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)))
      .for('update');
    if (!current) return missingExhibitor();
    const fields = await clashes(tx, event.id, input, current.id);
    if (Object.keys(fields).length > 0) return invalid(fields);
    const next = columns(input);
    const changes = changedFields(current, next);
    if (Object.keys(changes).length === 0) return ok({ id: current.id });
    await tx.update(exhibitors).set(next).where(eq(exhibitors.id, current.id));
    await audit({
      action: 'exhibitor.update',
      entity: 'exhibitor',
      entityId: current.id,
      details: { slug: next.slug, name: next.name.en, changes },
    });
    return ok({ id: current.id });
  });
}

/** An organiser approves a pending profile, which makes it public; approving twice changes nothing. */
export async function approveExhibitor(db: Db, actor: Actor | null, slug: string, exhibitorId: string, now = new Date()): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [current] = await tx
      .select({ id: exhibitors.id, status: exhibitors.status, slug: exhibitors.slug, name: exhibitors.name })
      .from(exhibitors)
      .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)))
      .for('update');
    if (!current) return missingExhibitor();
    if (current.status === 'approved') return ok({ id: current.id });
    await tx.update(exhibitors).set({ status: 'approved', approvedAt: now }).where(eq(exhibitors.id, current.id));
    await audit({
      action: 'exhibitor.approve',
      entity: 'exhibitor',
      entityId: current.id,
      details: { slug: current.slug, name: current.name.en },
    });
    return ok({ id: current.id });
  });
}
