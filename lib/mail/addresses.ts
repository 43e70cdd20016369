import { z } from 'zod';
import { appEnv } from '@/lib/config/env';

export type MailAddress = { name: string; address: string };

const recipientSchema = z.email().max(254);

/**
 * A display name that cannot break out of its header: line breaks and other control characters
 * become spaces. Nodemailer then quotes it, so commas, angle brackets and quotes stay part of the name.
 */
export function safeDisplayName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** A subject on one line, so it can add no header. */
export function safeSubject(subject: string): string {
  return safeDisplayName(subject).slice(0, 250);
}

/** The recipient as nodemailer should get it, or null when the address is not one we will send to. */
export function recipient(address: string, name: string): MailAddress | null {
  const parsed = recipientSchema.safeParse(address);
  if (!parsed.success || /[\r\n]/.test(address)) return null;
  return { name: safeDisplayName(name), address: parsed.data };
}

/** MAIL_FROM split into name and address; the env schema has already checked its shape. */
export function mailFromAddress(): MailAddress {
  const from = appEnv().mailFrom;
  const match = /^(.*)<([^<>]+)>$/.exec(from);
  if (!match) return { name: '', address: from.trim() };
  return { name: safeDisplayName(match[1]!.replace(/^\s*"|"\s*$/g, '')), address: match[2]!.trim() };
}
