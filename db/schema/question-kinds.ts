/** The kinds of question organisers can ask (a module of its own: the browser's forms read it without the table). */
export const QUESTION_KINDS = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'number',
  'date',
  'country',
  'email',
  'phone',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
