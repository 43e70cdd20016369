/** Plain lists shared by forms and schemas; kept apart from zod so client components can import them cheaply. */
export const PARTICIPANT_TYPES = [
  'government',
  'enterprise',
  'research_institute',
  'university',
  'young_scientist',
  'media',
  'other',
] as const;
export const ATTENDANCE_MODES = ['in_person', 'online'] as const;
