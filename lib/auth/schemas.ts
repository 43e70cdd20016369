import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address'))
  .transform((e) => e.toLowerCase());

export const passwordSignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(200, 'is too long'),
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
