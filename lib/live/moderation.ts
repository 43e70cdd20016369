/** What a moderator can do to a question. */
export const MODERATIONS = ['approve', 'hide', 'answer', 'unanswer', 'highlight', 'unhighlight'] as const;
export type Moderation = (typeof MODERATIONS)[number];
