'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Saved } from '@/lib/admin/saved';
import { eventAction } from '@/lib/edge/action';
import { notFound, type Result } from '@/lib/errors/result';
import { inviteExhibitorStaff } from '@/lib/exhibition/staff/invite-staff';
import { removeExhibitorStaff } from '@/lib/exhibition/staff/list-staff';
import { revokeExhibitorStaffInvite } from '@/lib/exhibition/staff/revoke-staff-invite';
import { approveExhibitor, createExhibitor, updateExhibitor } from '@/lib/exhibition/admin/save-exhibitor';
import { actionArg } from '@/lib/http/action-args';

const noSuchExhibitor = () => notFound('No such exhibitor in this event');

/** Adds an exhibitor (no id) or saves one; the values are parsed in lib/ with the form's own schema. */
export async function saveExhibitorAction(eventSlug: string, exhibitorId: string | null, values: unknown): Promise<Saved> {
  const id = z.uuid().nullable().safeParse(exhibitorId);
  if (!id.success) return noSuchExhibitor();
  return eventAction(eventSlug, 'exhibitors', ({ db, actor, event }) =>
    id.data ? updateExhibitor(db, actor, event.slug, id.data, values) : createExhibitor(db, actor, event.slug, values),
  );
}

/** Makes a pending exhibitor's profile public (the approve button on its page posts this). */
export async function approveExhibitorAction(eventSlug: string, exhibitorId: string): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const done = await eventAction(eventSlug, `exhibitors/${id}`, async ({ db, actor, event, path }) => {
    const result = await approveExhibitor(db, actor, event.slug, id);
    return result.ok ? `${path}?done=approved` : `/admin/events/${event.slug}/exhibitors`;
  });
  redirect(done);
}

/** Invites a person by email to staff an exhibitor of this event (the invite form on its page posts this). */
export async function inviteStaffAction(eventSlug: string, exhibitorId: string, values: unknown): Promise<Result<{ id: string }>> {
  const id = z.uuid().safeParse(exhibitorId);
  if (!id.success) return noSuchExhibitor();
  return eventAction(eventSlug, `exhibitors/${id.data}`, ({ db, actor, event }) =>
    inviteExhibitorStaff(db, actor, event.slug, id.data, values),
  );
}

/** Takes a person off an exhibitor's staff (the remove button beside them posts this). */
export async function removeStaffAction(eventSlug: string, exhibitorId: string, userId: string): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const user = actionArg(z.uuid(), userId);
  const done = await eventAction(eventSlug, `exhibitors/${id}`, async ({ db, actor, event, path }) => {
    const result = await removeExhibitorStaff(db, actor, event.slug, id, user);
    return result.ok ? `${path}?done=staffRemoved` : path;
  });
  redirect(done);
}

/** Revokes a staff invite not yet accepted (the revoke button beside it posts this): its link stops working. */
export async function revokeStaffInviteAction(eventSlug: string, exhibitorId: string, inviteId: string): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const invite = actionArg(z.uuid(), inviteId);
  const done = await eventAction(eventSlug, `exhibitors/${id}`, async ({ db, actor, event, path }) => {
    const result = await revokeExhibitorStaffInvite(db, actor, event.slug, id, invite);
    return result.ok ? `${path}?done=inviteRevoked` : path;
  });
  redirect(done);
}
