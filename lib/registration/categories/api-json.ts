import type { OfferedCategory } from './public-categories';

/**
 * A category as the public API shows it: what a registrant may choose and under which rules. Venues
 * are named by slug like everywhere else in the API; an empty list means every venue.
 */
export function categoryJson(category: OfferedCategory, venueSlugs: Map<string, string>) {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    visibility: category.visibility,
    requiresApproval: category.requiresApproval,
    allowedModes: category.allowedModes,
    allowedVenues: category.allowedVenueIds.flatMap((id) => {
      const slug = venueSlugs.get(id);
      return slug ? [slug] : [];
    }),
  };
}
