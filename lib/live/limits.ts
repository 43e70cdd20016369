/** Longest question, in characters (the form, the server and a CHECK in db/schema/live.ts agree). */
export const QUESTION_MAX = 280;
export const POLL_QUESTION_MAX = 200;
export const POLL_OPTION_MAX = 80;
export const POLL_OPTIONS_MAX = 8;
/** Longest blocklist term, and most terms in one event's list. */
export const BLOCKLIST_TERM_MAX = 60;
export const BLOCKLIST_TERMS_MAX = 300;
