import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';

export const emailSchema = z
  .string()
  .trim()
  .max(254, vmsg('tooLong', { max: 254 }))
  .pipe(z.email(vmsg('email')))
  .transform((e) => e.toLowerCase());

export const passwordSignInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: vmsg('password') })
    .min(1, vmsg('password'))
    .max(200, vmsg('tooLong', { max: 200 })),
});

export const magicLinkRequestSchema = z.object({
  email: emailSchema,
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(500)
    .optional()
    .catch(undefined),
});
