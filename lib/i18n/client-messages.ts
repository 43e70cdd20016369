/** The namespaces client components translate with; everything else is rendered on the server. */
export const CLIENT_NAMESPACES = [
  'adminAgenda',
  'adminCategories',
  'adminDocuments',
  'adminEvents',
  'adminQuestions',
  'adminTeam',
  'adminVenues',
  'agenda',
  'auth',
  'exhibition',
  'invite',
  'live',
  'outcomes',
  'speaker',
  'validation',
] as const;
export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

/** Only the namespaces the client components of a route need go into its pages' payload. */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly ClientNamespace[]): Record<string, unknown> {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
