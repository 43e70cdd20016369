/** The namespaces client components translate with; everything else is rendered on the server. */
export const CLIENT_NAMESPACES = ['adminAgenda', 'adminVenues', 'auth', 'register', 'speaker'] as const;

/**
 * Only what client components need goes into every page's payload: the whole catalogue would add
 * tens of kilobytes to each public page for text the browser never looks up.
 */
export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
