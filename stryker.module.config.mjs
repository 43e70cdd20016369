// The full mutation run for one module at a time (`npm run test:mutation -- module lib/checkin`):
// the machine is small and shared, and one module's run can be finished and scored on its own.
// Each module has an explicit list of the test files that hold its behaviour. Letting Vitest pick
// the "related" tests instead ran every test that reaches the module through any import chain
// (168 for lib/livestream/, e.g. through the registration mails) and a dry run of 12 min; with
// `perTest` coverage a mutant runs only the tests of these files that reached it.
// `MUTATION_MUTATE` (comma-separated globs) narrows the mutated files, e.g. one file of
// lib/registration/ at a time.
import full from './stryker.config.mjs';

const i = (name) => `tests/integration/${name}.test.ts`;
const u = (name) => `tests/unit/${name}.test.ts`;

/** The test files that hold each module's behaviour (what it does, not merely that it loads). */
export const moduleTests = {
  'lib/checkin': [i('check-in'), i('hostile-inputs'), u('check-in-view'), u('validation-words')],
  'lib/auth': [
    i('auth'),
    i('accounts'),
    i('auth-session'),
    i('auth-handler'),
    i('account-locale'),
    i('magic-link-requests'),
    i('sign-in-throttle'),
    i('event-settings'),
    i('my-events'),
    u('mail-messages'),
    u('sign-in-edges'),
    u('validation-words'),
  ],
  'lib/agenda/publish': [
    i('agenda-admin'),
    i('calendar-output'),
    i('event-lifecycle'),
    u('agenda-diff'),
    u('change-lines'),
    u('mail-messages'),
  ],
  // Not mail-delivery.test.ts (real SMTP servers, retries): every mail reads MAIL_FROM, so each
  // addresses.ts mutant ran its 40 tests, about a minute per mutant here. Its rules are pinned in
  // mail-policy.test.ts; transport.ts (nodemailer's options) is left without coverage.
  'lib/mail': [i('outbox-insert'), u('mail-policy')],
  'lib/livestream': [i('livestream-access'), i('hostile-inputs'), u('stream-phase'), u('stream-links'), u('validation-words')],
  // 1:1 meetings and their tables: slot locks, requests, answers, limits, the schedule, the feeds.
  'lib/meetings': [
    i('meetings'),
    i('meetings-limits'),
    i('meetings-schedule'),
    i('meetings-online'),
    i('meetings-exhibitor-request'),
    i('meetings-feed-api'),
    i('meetings-admin-figures'),
    i('meeting-refusals'),
    i('meeting-export'),
    i('meeting-links'),
    i('attendee-listings'),
    i('exhibitor-staff'),
    u('meeting-suggestions'),
    u('meeting-stats'),
    u('validation-words'),
  ],
  'lib/registration': [
    i('registration-capacity'),
    i('registration-batches'),
    i('registration-input'),
    i('registration-ownership'),
    i('seat-ledger'),
    i('seat-moves'),
    i('venue-admission-seats'),
    i('admin-registrations'),
    i('attendee-categories'),
    i('category-races'),
    i('mail-delivery'),
    u('cancel-outcome'),
    u('email-render'),
    u('mail-messages'),
    u('manage-token'),
    u('text-fields'),
  ],
};

/**
 * The smaller list for files of a large module (`MUTATION_MUTATE=<path>[,<path>…]`, each path listed
 * here): the test files that reach them and hold their behaviour, so a file of lib/registration/ is
 * measured without the module's slowest tests (the 300-registration races, real SMTP delivery) that
 * never reach it. The lists of the files asked for are joined.
 */
const categoryTests = [i('attendee-categories'), i('category-races')];
const seatMoveTests = [i('seat-moves'), i('venue-admission-seats'), i('registration-ownership'), i('attendee-categories')];
// The registration path, from the form's input to the recorded seats.
const registrationPathTests = [
  i('registration-input'),
  i('registration-choices'),
  i('registration-batches'),
  i('registration-ownership'),
  i('seat-ledger'),
  i('attendee-categories'),
  i('venue-admission-seats'),
  i('registration-questions'),
  i('self-erasure'),
  i('audit-attendee'),
  u('cancel-outcome'),
];
// The registration form's questions: asked, checked, stored, shown and exported, and edited by organisers.
const questionTests = [
  i('registration-questions'),
  i('question-editing'),
  u('question-answers'),
  i('registration-answers-output'),
  i('organiser-edit'),
  i('category-rules'),
  i('delegation-head'),
];
// A registration's mail: what it says, its times and places, its invite and ticket, and the shared render.
const registrationMailTests = [
  i('registration-mail-content'),
  u('shared-mail-render'),
  u('email-render'),
  u('mail-messages'),
  i('session-times'),
  i('mail-delivery'),
  i('thai-mail'),
  i('calendar-output'),
  i('registration-ownership'),
];
// What organisers write about registrations: edits, resends, announcements, categories and their decisions.
const organiserWriteTests = [
  i('organiser-edit'),
  i('organiser-decisions'),
  i('category-settings'),
  i('invitation-code-draws'),
  i('announcement-paging'),
  i('admin-registrations'),
  i('attendee-categories'),
  i('category-races'),
  i('delegation-head'),
  u('validation-words'),
  u('text-fields'),
];
// What a registration shows and who may see it: its view, the manage page and its links, the
// registrant's own changes, the registration schema, the cancellation hooks and the search text.
const registrationViewTests = [
  i('manage-view'),
  i('own-details'),
  u('cancellation-hooks'),
  i('registration-input'),
  i('seat-moves'),
  i('self-erasure'),
  i('registration-ownership'),
  i('livestream-access'),
  i('calendar-output'),
  i('meetings-feed-api'),
  i('public-agenda'),
  i('registration-answers-output'),
  i('meetings-schedule'),
  i('registration-list-search'),
  i('desk-search'),
  u('cancel-outcome'),
  u('manage-token'),
  u('validation-words'),
  u('text-fields'),
];
// What organisers and the public API read about registrations and categories: lists, filters, the
// dashboard, a registration's page and edit form, the CSV exports, and the schemas behind them.
const registrationReadTests = [
  i('category-admin-reads'),
  i('admin-registrations'),
  i('registration-answers-output'),
  i('registration-list-search'),
  i('registration-category-output'),
  i('venue-scope'),
  i('passport-csv'),
  i('registrations-csv-stream'),
  i('dashboard-session-pages'),
  i('delegations'),
  i('attendee-categories'),
  i('category-settings'),
  i('category-rules'),
  i('organiser-edit'),
  i('registration-input'),
  u('validation-words'),
  u('text-fields'),
  u('registration-list-links'),
  u('registration-read-schemas'),
];
/** The same test list for several files of one folder. */
const sharingTests = (folder, files, tests) => Object.fromEntries(files.map((file) => [`${folder}/${file}.ts`, tests]));
const delegationTests = [i('delegations'), i('delegation-head'), i('delegation-check-in')];
export const fileTests = {
  'lib/registration/rearrange.ts': seatMoveTests,
  // The audit entries of a registrant's own changes and cancellations are asserted there.
  'lib/registration/manage.ts': [...seatMoveTests, i('audit-attendee')],
  'lib/registration/admin/cancel.ts': [i('seat-moves'), i('admin-registrations'), i('venue-scope'), i('self-erasure')],
  'lib/registration/admin/promote.ts': [i('seat-moves'), i('venue-admission-seats'), i('admin-registrations')],
  'lib/registration/categories/admit.ts': categoryTests,
  'lib/registration/categories/fill-category.ts': categoryTests,
  'lib/registration/categories/invitation-codes.ts': categoryTests,
  'lib/registration/categories/category-seats.ts': categoryTests,
  'lib/registration/categories/leave-category.ts': categoryTests,
  'lib/registration/registration-batches.ts': registrationPathTests,
  'lib/registration/register.ts': registrationPathTests,
  // The confirmation mail it queues is read in registration-mail-content; a delegation's members in delegations and delegation-head.
  'lib/registration/record-registrations.ts': [
    ...registrationPathTests,
    i('registration-mail-content'),
    i('delegations'),
    i('delegation-head'),
  ],
  'lib/registration/new-registration-seats.ts': registrationPathTests,
  'lib/registration/choices.ts': registrationPathTests,
  'lib/registration/submit-registration.ts': registrationPathTests,
  'lib/registration/attendance-fields.ts': registrationPathTests,
  'lib/registration/published-session-statuses.ts': [i('published-session-statuses'), i('registration-choices')],
  'lib/registration/deadlock-retry.ts': [u('deadlock-retry'), i('seat-moves')],
  'lib/registration/delegations/seat-group.ts': delegationTests,
  'lib/registration/delegations/head.ts': delegationTests,
  'lib/registration/delegations/register-delegation.ts': delegationTests,
  'lib/registration/delegations/approve-delegation.ts': [...delegationTests, i('attendee-categories')],
  'lib/registration/categories/check-category.ts': [...categoryTests, i('category-rules'), i('delegation-head')],
  'lib/registration/categories/register-in-category.ts': [...categoryTests, i('category-rules'), i('delegations')],
  ...sharingTests(
    'lib/registration',
    ['registration-mail', 'registration-mail-render', 'registration-mail-text', 'shared-render', 'itinerary', 'itinerary-text'],
    registrationMailTests,
  ),
  // The QR ticket each in-person confirmation carries: its PNG and the signed code it decodes to.
  'lib/tickets/qr-png.ts': [u('qr-png'), i('mail-delivery')],
  'lib/format/shared-shapes.ts': [u('shared-shapes'), u('shared-invite'), u('shared-mail-render')],
  'lib/calendar/shared-invite.ts': [u('shared-invite'), i('registration-mail-content'), i('calendar-output')],
  ...sharingTests(
    'lib/registration/admin',
    [
      'edit-registration',
      'resend-confirmation',
      'announcement',
      'categories/decide',
      'categories/save-category',
      'categories/invitation-codes-admin',
    ],
    organiserWriteTests,
  ),
  ...sharingTests(
    'lib/registration',
    [
      'view',
      'manage-view',
      'manage-token',
      'feed-token',
      'change-details',
      'change-details-schema',
      'cancellation-hooks',
      'cancel-outcome',
      'schema',
      'search-text',
    ],
    registrationViewTests,
  ),
  ...sharingTests(
    'lib/registration',
    [
      'admin/categories/category-input',
      'admin/categories/list-categories',
      'admin/country-name',
      'admin/csv',
      'admin/csv-download',
      'admin/csv-response',
      'admin/cursor',
      'admin/dashboard',
      'admin/detail',
      'admin/edit-form',
      'admin/edit-registration-schema',
      'admin/export',
      'admin/filter-options',
      'admin/filters',
      'admin/list',
      'admin/query-string',
      'categories/api-json',
      'categories/category-attendance',
      'categories/category-fields',
      'categories/public-categories',
      'choices-lists',
      'delegations/path-errors',
      'delegations/schema',
      'questions/api-json',
      'result',
    ],
    registrationReadTests,
  ),
  'lib/registration/email-change.ts': [i('email-change'), i('email-change-rules')],
  ...sharingTests(
    'lib/registration/questions',
    [
      'answer-rows',
      'answer-schema',
      'check-answers',
      'definition',
      'load',
      'on-form',
      'own-answers',
      'question-schema',
      'read-answers',
      'record-answers',
      'admin/list-questions',
      'admin/save-question',
    ],
    questionTests,
  ),
};

const module = process.env.MUTATION_MODULE?.replace(/\/$/, '');
if (!module) throw new Error('MUTATION_MODULE is not set (use `npm run test:mutation -- module lib/<name>`)');
const mutate = process.env.MUTATION_MUTATE?.split(',') ?? [`${module}/**/*.ts`];
const perFile = mutate.every((path) => fileTests[path]) ? [...new Set(mutate.flatMap((path) => fileTests[path]))] : undefined;
const testFiles = process.env.MUTATION_TESTS?.split(',') ?? perFile ?? moduleTests[module];
if (!testFiles) throw new Error(`No test list for ${module}: add it to moduleTests or set MUTATION_TESTS`);
const name = (process.env.MUTATION_MUTATE ? mutate[0].replace(/\.ts$/, '') : module).replace(/^lib\//, '').replace(/\W+/g, '-');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  mutate,
  testFiles,
  // No TypeScript checker: it took 9 min to start for one module here and only marks mutants that do
  // not compile (Vitest strips the types, so such a mutant still runs and is killed or survives; a
  // survivor that would not compile is listed as such in docs/testing.md).
  checkers: [],
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  // Its own sandbox folder, so it can run beside the fast run (.stryker-tmp) and other modules' runs.
  tempDirName: `.stryker-tmp-module-${name}`,
  ignorePatterns: [...full.ignorePatterns, '.stryker-tmp', '.stryker-tmp-module*'],
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation-${name}/mutation.json` },
};
