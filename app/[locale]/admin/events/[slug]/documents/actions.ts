'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { sendCertificates } from '@/lib/certificates/send-certificates';
import { DOCUMENT_IMAGES, saveBadgeLayout, saveDocumentImage, saveLetterTemplate } from '@/lib/documents/settings';
import { eventAction } from '@/lib/edge/action';
import type { Result } from '@/lib/errors/result';
import { formArg } from '@/lib/http/action-args';

/** An organiser saves the letter's body per language (the form's values, parsed in lib). */
export async function saveLetterTemplateAction(eventSlug: string, values: unknown): Promise<Result> {
  return eventAction(eventSlug, 'documents', ({ db, actor, event }) => saveLetterTemplate(db, actor, event.slug, values));
}

const imageSchema = z.object({ image: z.enum(DOCUMENT_IMAGES), remove: z.literal('yes').optional() });

/** An organiser uploads (or removes) the letterhead, the signature or the badge logo: the file's bytes are checked in lib. */
export async function saveDocumentImageAction(eventSlug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(eventSlug, 'documents', async ({ db, actor, event, path }) => {
    const parsed = imageSchema.safeParse({ image: formData.get('image'), remove: formData.get('remove') ?? undefined });
    if (!parsed.success) return `${path}?error=invalid`;
    const file = formData.get('file');
    const bytes = parsed.data.remove ? null : file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
    if (bytes === undefined) return `${path}?error=documentImageType`;
    const result = await saveDocumentImage(db, actor, event.slug, parsed.data.image, bytes);
    if (!result.ok) return `${path}?error=${result.code === 'invalid' ? (Object.values(result.fields)[0] ?? 'invalid') : 'invalid'}`;
    return `${path}?done=${parsed.data.remove ? 'removed' : 'uploaded'}`;
  });
  redirect(done);
}

/** An organiser chooses the badge layout. */
export async function saveBadgeLayoutAction(eventSlug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(eventSlug, 'documents', async ({ db, actor, event, path }) => {
    const result = await saveBadgeLayout(db, actor, event.slug, { layout: formData.get('layout') });
    return result.ok ? `${path}?done=layout` : `${path}?error=invalid`;
  });
  redirect(done);
}

/** An organiser of a past event mails every checked-in attendee their certificate, each once (lib/certificates/send-certificates.ts). */
export async function sendCertificatesAction(eventSlug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(eventSlug, 'documents', async ({ db, actor, event, path }) => {
    const result = await sendCertificates(db, actor, event.slug);
    return result.ok ? `${path}?done=certificates&sent=${result.sent}` : `${path}?error=certificatesNotYet`;
  });
  redirect(done);
}
