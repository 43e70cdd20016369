/** A map search for a venue's street address; null when the venue has none (online). */
export function mapUrl(address: string): string | null {
  const query = address.trim();
  return query ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : null;
}

/** "Plenary Hall A, Nanning International Convention and Exhibition Center, 11 Minzu Avenue, …": a place a person can find. */
export function placeLine(parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(', ');
}
