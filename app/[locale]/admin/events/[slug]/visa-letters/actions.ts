'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { eventAction } from '@/lib/edge/action';
import { formArg } from '@/lib/http/action-args';
import { decideVisaLetter } from '@/lib/visa/letters';

const decisionSchema = z.object({ id: z.uuid(), decision: z.enum(['issue', 'refuse']) });

/** An organiser issues or refuses a requested invitation letter (the button pressed says which). */
export async function decideVisaLetterAction(eventSlug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(eventSlug, 'visa-letters', async ({ db, actor, event, path }) => {
    const parsed = decisionSchema.safeParse({ id: formData.get('id'), decision: formData.get('decision') });
    if (!parsed.success) return `${path}?error=invalid`;
    const result = await decideVisaLetter(db, actor, event.slug, parsed.data.id, parsed.data.decision);
    if (!result.ok) return `${path}?error=${result.code === 'conflict' ? 'issued' : 'invalid'}`;
    return `${path}?done=${parsed.data.decision}`;
  });
  redirect(done);
}
