/** What a moderator can do to a question. */
export const MODERATIONS = ['approve', 'hide', 'answer', 'unanswer', 'highlight', 'unhighlight'] as const;
export type Moderation = (typeof MODERATIONS)[number];

/** The speaker roles that moderate a session's live room (besides the event's organisers). */
export const MODERATING_ROLES = ['moderator', 'host', 'speaker'] as const;
export const isModeratingRole = (role: string): boolean => (MODERATING_ROLES as readonly string[]).includes(role);
