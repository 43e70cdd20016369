'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { linkAction } from '@/lib/edge/action';
import { formArg } from '@/lib/http/action-args';
import {
  type AuthorResult,
  createAttendeeListing,
  updateAttendeeListing,
  withdrawAttendeeListing,
} from '@/lib/exhibition/attendee/save-attendee-listing';
import { vmsg } from '@/lib/validation/message';
import { signedError } from '@/lib/validation/query-error';

function back(token: string, query: string): never {
  redirect(`/manage/${encodeURIComponent(token)}/listings?${query}`);
}

/** The outcome as the page's query: done, the link's refusal, or the first field at fault and its message (a validation key). */
function answer(token: string, result: AuthorResult, done: string, listing?: string): never {
  if (result.ok) back(token, `done=${done}`);
  if (result.code === 'author') back(token, `refused=${result.reason}`);
  const [field, message] = (result.code === 'invalid' && Object.entries(result.fields)[0]) || ['form', vmsg('listingNotYours')];
  const at = listing ? `&listing=${listing}` : '';
  back(token, `field=${encodeURIComponent(field)}&error=${signedError(message)}${at}`);
}

/** What the form sent, as the shared schema (lib/exhibition/attendee/attendee-listing-schema.ts) reads it. */
function values(formData: FormData) {
  return {
    kind: formData.get('kind') ?? '',
    title: formData.get('title') ?? '',
    titleEn: formData.get('titleEn') ?? '',
    summary: formData.get('summary') ?? '',
    sector: formData.get('sector') ?? '',
    trl: formData.get('trl') ?? '',
    ipStatus: formData.get('ipStatus') ?? '',
    cooperation: formData.getAll('cooperation'),
    countries: formData.getAll('countries'),
  };
}

/** Posts a new offer or need as the person the manage link names; it waits for moderation. */
export async function createListingAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const result = await linkAction(({ db }) => createAttendeeListing(db, token, values(formData)));
  answer(token, result, 'created');
}

/** Saves an edit of one of the person's own listings (back to moderation). */
export async function updateListingAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const listing = z.uuid().safeParse(formData.get('listing'));
  if (!listing.success) back(token, `field=form&error=${vmsg('listingNotYours')}`);
  const result = await linkAction(({ db }) => updateAttendeeListing(db, token, listing.data, values(formData)));
  answer(token, result, 'updated', listing.data);
}

/** Withdraws one of the person's own listings. */
export async function withdrawListingAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const listing = z.uuid().safeParse(formData.get('listing'));
  if (!listing.success) back(token, `field=form&error=${vmsg('listingNotYours')}`);
  const result = await linkAction(({ db }) => withdrawAttendeeListing(db, token, listing.data));
  answer(token, result, 'withdrawn');
}
