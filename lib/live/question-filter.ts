/**
 * A check a new question passes before other attendees may see it. A filter that matches holds the
 * question back for the moderators (pending, flagged with why) instead of refusing or dropping it, so
 * nothing an attendee asks is silently lost. The blocklist (lib/live/blocklist.ts) is one; another
 * (a link filter, a classifier) implements the same shape and joins the list in `heldBy`.
 */
export type QuestionFilter = {
  /** Names the filter in the moderator's flag and the logs ("blocklist"). */
  name: string;
  /** The part of the question that matched (shown to moderators only), or null when it passes. */
  check: (body: string) => string | null;
};

/** Why a question is held: the first filter that matched and what it matched. */
export type Hold = { filter: string; term: string };

export function heldBy(filters: readonly QuestionFilter[], body: string): Hold | null {
  for (const filter of filters) {
    const term = filter.check(body);
    if (term !== null) return { filter: filter.name, term };
  }
  return null;
}
