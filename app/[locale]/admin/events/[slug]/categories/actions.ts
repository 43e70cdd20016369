'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Saved } from '@/lib/admin/saved';
import { notFound } from '@/lib/errors/result';
import { eventAction } from '@/lib/edge/action';
import { actionArg, formArg } from '@/lib/http/action-args';
import { generateInvitationCodes } from '@/lib/registration/admin/categories/invitation-codes-admin';
import { createCategory, updateCategory } from '@/lib/registration/admin/categories/save-category';
import { signedError } from '@/lib/validation/query-error';

/** Creates a category (no id) or saves one; the form's values are parsed in lib/ with the form's own schema. */
export async function saveCategoryAction(eventSlug: string, categoryId: string | null, values: unknown): Promise<Saved> {
  const id = z.uuid().nullable().safeParse(categoryId);
  if (!id.success) return notFound('No such category in this event');
  return eventAction(eventSlug, 'categories', async ({ db, actor, event }) =>
    id.data ? updateCategory(db, actor, event.slug, id.data, values) : createCategory(db, actor, event.slug, values),
  );
}

/** Makes a batch of invitation codes for a category; the page then lists them with the CSV link. */
export async function generateCodesAction(eventSlug: string, categoryId: string, formData: FormData): Promise<void> {
  const id = actionArg(z.uuid(), categoryId);
  formData = formArg(formData);
  const done = await eventAction(eventSlug, `categories/${id}`, async ({ db, actor, event, path }) => {
    const result = await generateInvitationCodes(db, actor, event.slug, id, {
      count: formData.get('count'),
      maxUses: formData.get('maxUses'),
      expiresAt: formData.get('expiresAt'),
    });
    if (result.ok) return `${path}?made=${result.codes.length}#codes`;
    if (result.code === 'invalid') {
      const [field, message] = Object.entries(result.fields)[0] ?? ['count', 'invalid'];
      return `${path}?codeField=${encodeURIComponent(field)}&codeError=${signedError(message)}#codes`;
    }
    return `${path}?codeError=invalid#codes`;
  });
  redirect(done);
}
