/**
 * The header the app's own server (scripts/serve.ts) sets on every request to the client address it
 * worked out. Whatever a client sends under this name is overwritten.
 */
export const CLIENT_ADDRESS_HEADER = 'x-hf-client-address';

/**
 * Who is asking, for rate limits. X-Forwarded-For is written by whoever sends the request, so only
 * its entries added by proxies we run can be believed: with `trustedProxies` of them in front
 * (TRUST_PROXY_HOPS), the client is the address the outermost one saw, `trustedProxies` places from
 * the right once the connection's own peer is appended. With none, it is the peer. Taking the first
 * entry instead would let anyone choose their own key and never be limited.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  const forwarded = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, normalise(peer ?? 'unknown')];
  return normalise(chain[Math.max(0, chain.length - 1 - trustedProxies)]!).slice(0, 64);
}

/** IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d; one client, one key. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
