import type { PublicOutcome } from './public-outcomes';

/** One public outcome as /api/v1/events/{slug}/outcomes answers it (documented in lib/api/openapi.ts). */
export function outcomeJson(o: PublicOutcome) {
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    parties: o.parties.map((p) => ({ name: p.name, country: p.country })),
    sector: o.sector,
    signedOn: o.signedOn,
    session: o.session
      ? { slug: o.session.slug, title: o.session.title, startsAt: o.session.startsAt.toISOString(), timeZone: o.session.timeZone }
      : null,
  };
}
