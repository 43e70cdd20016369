'use server';

import { signedInFormAction } from '@/lib/edge/action';
import { forbidden } from '@/lib/errors/result';
import type { Saved } from '@/lib/admin/saved';
import { updateOwnExhibitor } from '@/lib/exhibition/staff/own-profile';
import { createOwnListing, updateOwnListing } from '@/lib/exhibition/staff/own-listings';
import { uuidSchema } from '@/lib/validation/common';

/*
 * The exhibitor portal's saves. Each names the exhibitor or listing it touches; lib/exhibition/staff
 * checks that the signed-in person staffs it (requireExhibitorStaff) before reading the form, so a
 * forged id, another exhibitor's staff and a stranger are refused alike and nothing is written.
 */

export async function updateOwnProfileAction(exhibitorId: string, values: unknown): Promise<Saved> {
  const id = uuidSchema.safeParse(exhibitorId);
  if (!id.success) return forbidden('forbidden');
  return signedInFormAction(({ db, actor }) => updateOwnExhibitor(db, actor, id.data, values));
}

export async function createOwnListingAction(values: unknown): Promise<Saved> {
  return signedInFormAction(({ db, actor }) => createOwnListing(db, actor, values));
}

export async function updateOwnListingAction(listingId: string, values: unknown): Promise<Saved> {
  const id = uuidSchema.safeParse(listingId);
  if (!id.success) return forbidden('forbidden');
  return signedInFormAction(({ db, actor }) => updateOwnListing(db, actor, id.data, values));
}
