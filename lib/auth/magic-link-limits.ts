import type { Db } from '@/db/types';
import { takeSharedHit } from '@/lib/security/shared-rate-limit';

export const MAGIC_LINK_WINDOW_MS = 15 * 60 * 1000;

/** While a link mailed this recently is still unused, another request mails nothing new. */
export const MAGIC_LINK_RESEND_AFTER_MS = 60 * 1000;

export type MagicLinkLimits = { perAddressAndClient: number; perClient: number };

function countFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function magicLinkLimits(): MagicLinkLimits {
  return {
    perAddressAndClient: countFromEnv('RATE_LIMIT_MAGIC_LINKS_PER_EMAIL', 5),
    perClient: countFromEnv('RATE_LIMIT_MAGIC_LINKS_PER_CLIENT', 20),
  };
}

/**
 * Sign-in link requests are counted per client across addresses (so nobody probes or spams many
 * addresses) and per address *from that client* — never per address alone, which would let
 * strangers use up the owner's requests and lock them out. One inbox is kept from flooding instead
 * by mailing at most one link a minute (request-magic-link.ts). Counts live in the database, shared
 * by every instance, and include unknown addresses, so a refusal says nothing about accounts.
 */
export async function magicLinkAllowed(
  db: Db,
  email: string,
  clientKey: string,
  limits: MagicLinkLimits = magicLinkLimits(),
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const byClient = await takeSharedHit(db, `magic-link:client:${clientKey}`, {
    limit: limits.perClient,
    windowMs: MAGIC_LINK_WINDOW_MS,
    now,
  });
  if (!byClient.allowed) return byClient;
  const address = email.trim().toLowerCase();
  return takeSharedHit(db, `magic-link:address-client:${clientKey}:${address}`, {
    limit: limits.perAddressAndClient,
    windowMs: MAGIC_LINK_WINDOW_MS,
    now,
  });
}
