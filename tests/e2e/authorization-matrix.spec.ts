import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { demoAccounts } from '@/lib/demo/demo-accounts';
import { demoExhibitors } from '@/lib/demo/demo-exhibitors';
import { matrixAccounts, OTHER_EVENT, PASSWORD } from './fixtures';
import { useMailbox } from './mailbox';
import { seededIds } from './support/seeded-ids';
import { actionIds, actionPages, actionRedirect, formData, postAction, sourceActions } from './support/server-actions';

// Each test signs in as up to eight people through the real form and makes hundreds of requests: on a
// loaded machine that is more than the default minute, and a timeout would say nothing about access.
test.describe.configure({ timeout: 480_000 });

// Registrants get their manage link only by mail: the token-gated actions are probed with real ones.
const mailbox = useMailbox();

const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;

/**
 * Every server action falls in one group the matrix covers (the last test fails on one that does
 * not): the admin ones are found by their folder and called by the admin test below; the speaker
 * portal's and the manage page's are named, each called by its own test; the public ones are open to
 * anyone by design, each with the reason and where its guards are tested.
 */
const ADMIN = 'app/[locale]/admin/';
const SPEAKER_ACTIONS = {
  update: 'app/[locale]/speaker/actions.ts#updateProfileAction',
  regenerate: 'app/[locale]/speaker/actions.ts#regenerateCalendarAction',
} as const;
const EXHIBITOR_ACTIONS = {
  profile: 'app/[locale]/exhibitor/actions.ts#updateOwnProfileAction',
  create: 'app/[locale]/exhibitor/actions.ts#createOwnListingAction',
  update: 'app/[locale]/exhibitor/actions.ts#updateOwnListingAction',
} as const;
const EXHIBITOR_MEETING = 'app/[locale]/exhibitor/[exhibitorId]/meetings/actions.ts#';
const EXHIBITOR_MEETING_ACTIONS = {
  answer: `${EXHIBITOR_MEETING}answerExhibitorMeetingAction`,
  propose: `${EXHIBITOR_MEETING}proposeExhibitorTimeAction`,
  outcome: `${EXHIBITOR_MEETING}recordExhibitorOutcomeAction`,
  block: `${EXHIBITOR_MEETING}blockExhibitorRequesterAction`,
} as const;
const MANAGE_ACTIONS = {
  change: 'app/[locale]/manage/[token]/actions.ts#changeRegistrationAction',
  cancel: 'app/[locale]/manage/[token]/actions.ts#cancelRegistrationAction',
  erase: 'app/[locale]/manage/[token]/actions.ts#eraseRegistrationAction',
  details: 'app/[locale]/manage/[token]/actions.ts#changeDetailsAction',
  visa: 'app/[locale]/manage/[token]/actions.ts#requestVisaLetterAction',
  email: 'app/[locale]/manage/[token]/actions.ts#requestEmailChangeAction',
} as const;
const MEETING_ACTIONS = {
  profile: 'app/[locale]/manage/[token]/meetings/actions.ts#saveMatchmakingAction',
  request: 'app/[locale]/manage/[token]/meetings/actions.ts#requestMeetingAction',
  answer: 'app/[locale]/manage/[token]/meetings/actions.ts#answerMeetingAction',
  outcome: 'app/[locale]/manage/[token]/meetings/actions.ts#recordOutcomeAction',
  propose: 'app/[locale]/manage/[token]/meetings/actions.ts#proposeTimeAction',
  availability: 'app/[locale]/manage/[token]/meetings/actions.ts#saveAvailabilityAction',
  block: 'app/[locale]/manage/[token]/meetings/actions.ts#blockRequesterAction',
  unblock: 'app/[locale]/manage/[token]/meetings/actions.ts#unblockAction',
} as const;
const LIVE = 'app/[locale]/live/actions.ts#';
const LIVE_ATTENDEE_ACTIONS = { ask: `${LIVE}askAction`, upvote: `${LIVE}upvoteAction`, vote: `${LIVE}votePollAction` } as const;
const LIVE_MODERATOR_ACTIONS = {
  moderate: `${LIVE}moderateAction`,
  setOpen: `${LIVE}setQuestionsOpenAction`,
  openPoll: `${LIVE}openPollAction`,
  closePoll: `${LIVE}closePollAction`,
  createStageLink: `${LIVE}createStageLinkAction`,
  revokeStageLink: `${LIVE}revokeStageLinkAction`,
  saveBlocklist: `${LIVE}saveBlocklistAction`,
} as const;
const PUBLIC_ACTIONS: Record<string, string> = {
  'app/[locale]/events/[slug]/register/delegation/actions.ts#registerDelegationAction':
    'anyone may register a delegation, as anyone may register; rate limit as registerAction, input checks in tests/integration/delegations.test.ts',
  'app/[locale]/manage/[token]/delegation/actions.ts#addDelegationMemberAction':
    'only a delegation head’s own manage token adds a member (lib/registration/delegations/head.ts; a member’s, another head’s and forged tokens refused in tests/integration/delegations.test.ts)',
  'app/[locale]/manage/[token]/delegation/actions.ts#changeDelegationMemberAction':
    'only a delegation head’s own manage token, for members of that delegation (tests/integration/delegations.test.ts: another head, a member, forged ids)',
  'app/[locale]/manage/[token]/delegation/actions.ts#cancelDelegationMemberAction':
    'only a delegation head’s own manage token, for members of that delegation (tests/integration/delegations.test.ts: another head, a member, forged ids)',
  'app/[locale]/events/[slug]/register/actions.ts#registerAction':
    'anyone may register; rate limit and input checks in registration.spec.ts and tests/server/fuzz-routes-actions.test.ts',
  'app/[locale]/signin/actions.ts#requestMagicLinkAction':
    'anyone may ask for a sign-in link; it goes only to the address (sign-in.spec.ts, magic-link limits in tests/integration)',
  'app/[locale]/manage/email/[token]/actions.ts#confirmEmailChangeAction':
    'whoever holds the link mailed to the new address; it names the registration and the address, is signed, expires and works once (tests/integration/email-change.test.ts: forged, altered, expired, outdated and reused links change nothing)',
  'app/[locale]/manage/[token]/listings/actions.ts#createListingAction':
    'only a confirmed registration’s own manage token posts a listing, which waits for moderation (tests/integration/attendee-listings.test.ts: forged tokens, waitlisted, pending and cancelled registrations refused)',
  'app/[locale]/manage/[token]/listings/actions.ts#updateListingAction':
    'only the listing author’s own manage token (tests/integration/attendee-listings.test.ts: another person’s token, an exhibitor’s listing, forged tokens change nothing)',
  'app/[locale]/manage/[token]/listings/actions.ts#withdrawListingAction':
    'only the listing author’s own manage token (tests/integration/attendee-listings.test.ts: another person’s token and an exhibitor’s listing withdraw nothing)',
  'app/[locale]/events/[slug]/meet/actions.ts#openMeetingsAction':
    'changes nothing: it only redirects a pasted manage link of a confirmed registration of the event to its own meetings page (tests/integration/attendee-listings.test.ts and meetings-exhibitor-request.test.ts: forged and other events’ links refused)',
  'app/[locale]/invite/[token]/actions.ts#acceptInviteAction':
    'whoever holds the mailed single-use invite token; any other token changes nothing (the last test below, tests/integration/team.test.ts)',
  'app/[locale]/exhibitor/invite/[token]/actions.ts#acceptStaffInviteAction':
    'whoever holds the mailed single-use exhibitor-staff invite token; a used, expired or unknown one changes nothing (tests/integration/exhibitor-staff.test.ts, exhibitor-journey.spec.ts)',
};

type Role =
  | 'anonymous'
  | 'attendee'
  | 'speaker'
  | 'otherSpeaker'
  | 'otherOrganiser'
  | 'checkin'
  | 'venueManager'
  | 'viewer'
  | 'organiser'
  | 'exhibitor'
  | 'otherExhibitor';
const credentials: Record<Exclude<Role, 'anonymous'>, { email: string; password: string }> = {
  attendee: { email: matrixAccounts.attendee, password: PASSWORD },
  speaker: { email: matrixAccounts.speaker, password: PASSWORD },
  otherSpeaker: { email: matrixAccounts.otherSpeaker, password: PASSWORD },
  otherOrganiser: { email: matrixAccounts.otherOrganiser, password: PASSWORD },
  checkin: { email: 'checkin.bangkok@forum.demo', password: 'demo-checkin-2026' },
  venueManager: { email: matrixAccounts.venueManager, password: PASSWORD },
  viewer: { email: matrixAccounts.viewer, password: PASSWORD },
  organiser: { email: 'organiser@forum.demo', password: 'demo-organiser-2026' },
  exhibitor: { email: demoAccounts.exhibitor.email, password: demoAccounts.exhibitor.password },
  otherExhibitor: { email: matrixAccounts.otherExhibitor, password: PASSWORD },
};

/** A request context carrying the session cookie of someone who signed in through the real form. */
async function clientFor(browser: Browser, role: Role): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (role !== 'anonymous') {
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').first().fill(credentials[role].email);
    await page.getByLabel('Password').fill(credentials[role].password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).not.toHaveURL(/\/signin/);
    await page.close();
  }
  return context.request;
}

test('every organiser page and route refuses anonymous users, attendees, speakers, organisers of another event, check-in staff outside check-in, and venue managers and viewers outside what their role reads', async ({
  browser,
}) => {
  const organiser = await clientFor(browser, 'organiser');
  const secret = await organiser.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      name: 'Matrix Secretperson',
      email: 'matrix.secret@example.org',
      organisation: 'ASEAN Foundation',
      country: 'ID',
      participantType: 'other',
      mode: 'online',
      consent: true,
    },
  });
  expect(secret.status()).toBe(201);
  // Real ids to put in detail paths.
  const registrations = await organiser.get(`${base}/registrations/export.csv`);
  expect(registrations.status()).toBe(200);
  // Nanning's panel: Bangkok's venue manager must be refused its editor.
  const sessionId = seededIds().sessionId;
  const registrationId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(
    (await registrations.text()).split('\n').find((line) => line.includes('matrix.secret@example.org')) ?? '',
  )?.[0];
  expect(registrationId, 'the registration in the export').toBeDefined();
  const mailId = /mail\/([0-9a-f-]{36})/.exec(await (await organiser.get(`${base}/mail`)).text())?.[1];

  const pages = [
    base,
    `${base}/agenda`,
    `${base}/agenda/sessions/new`,
    `${base}/agenda/sessions/${sessionId}`,
    `${base}/agenda/venues`,
    `${base}/agenda/venues/new`,
    `${base}/agenda/venues/${seededIds().venueId}`,
    `${base}/agenda/speakers/${seededIds().speakerId}`,
    `${base}/agenda/speakers`,
    `${base}/agenda/speakers/new`,
    `${base}/exhibitors`,
    `${base}/exhibitors/new`,
    `${base}/exhibitors/${seededIds().exhibitorId}`,
    `${base}/listings`,
    `${base}/listings/new`,
    `${base}/meetings`,
    `${base}/outcomes`,
    `${base}/outcomes/new`,
    `${base}/outcomes/${seededIds().outcomeId}`,
    `${base}/registrations`,
    `${base}/registrations/${registrationId}`,
    `${base}/registrations/announce`,
    `${base}/questions`,
    `${base}/mail`,
    ...(mailId ? [`${base}/mail/${mailId}`] : []),
    `${base}/audit`,
    `${base}/streams`,
    `${base}/settings`,
    `${base}/team`,
    `${base}/categories`,
    `${base}/categories/new`,
    `${base}/categories/${seededIds().categoryId}`,
    `${base}/approvals`,
    // Creating an event is a platform role's (the demo organiser holds it); to anyone else it does not exist.
    '/admin/events/new',
    `${base}/checkin`,
    `${base}/checkin/door`,
    `${base}/reports`,
    `${base}/visa-letters`,
    `${base}/documents`,
  ];
  for (const page of pages) expect((await organiser.get(page)).status(), `organiser ${page}`).toBe(200);
  // The organiser does see the registrant, so the refusals below are about who asks.
  expect(await (await organiser.get(`${base}/registrations/${registrationId}`)).text()).toContain('Matrix Secretperson');

  // What each team role opens besides being refused the rest. The viewer reads every registration; the
  // registrant above is online, so at no venue: Bangkok's manager does not see them. The seeded session
  // (in `pages`) is Nanning's, so Bangkok's manager is refused its editor.
  const opens: Partial<Record<Role, Record<string, number[]>>> = {
    checkin: { [`${base}/checkin`]: [200], [`${base}/checkin/door`]: [200], [base]: [307] },
    venueManager: {
      [base]: [307],
      [`${base}/agenda`]: [200],
      [`${base}/agenda/sessions/new`]: [200],
      [`${base}/registrations`]: [200],
      [`${base}/checkin`]: [200],
      [`${base}/checkin/door`]: [200],
      [`${base}/reports`]: [200],
    },
    viewer: {
      [base]: [200],
      [`${base}/agenda`]: [200],
      [`${base}/reports`]: [200],
      [`${base}/registrations`]: [200],
      [`${base}/registrations/${registrationId}`]: [200],
      // The viewer reads the outcomes register, and edits nothing (new and edit pages are refused).
      [`${base}/outcomes`]: [200],
    },
  };
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
    const client = await clientFor(browser, role);
    for (const page of pages) {
      const response = await client.get(page, { maxRedirects: 0 });
      const allowed = opens[role]?.[page];
      if (allowed) {
        expect(allowed, `${role} ${page}`).toContain(response.status());
        if (role === 'venueManager') expect(await response.text(), `${role} ${page}`).not.toContain('matrix.secret@example.org');
        continue;
      }
      if (role === 'anonymous') {
        expect(response.status(), `${role} ${page}`).toBe(307);
        expect(response.headers().location, `${role} ${page}`).toMatch(/^\/signin\?callbackUrl=/);
      } else {
        expect(response.status(), `${role} ${page}`).toBe(404);
        const body = await response.text();
        expect(body, `${role} ${page}`).not.toContain('Matrix Secretperson');
        expect(body, `${role} ${page}`).not.toContain('matrix.secret@example.org');
      }
    }
    // The desk's badge routes: the desk roles (checkin, venueManager) get PDFs, the rest 401/403. The
    // secret registrant is online (no badge for anyone); Nanning's sheet is empty for Bangkok's staff.
    const badge = await client.get(`${base}/checkin/badge/${registrationId}`, { maxRedirects: 0 });
    const sheets = await client.get(`${base}/checkin/badges.pdf?venue=nanning`, { maxRedirects: 0 });
    if (role === 'checkin' || role === 'venueManager') {
      expect(badge.status(), `${role} badge`).toBe(404);
      expect(sheets.status(), `${role} badge sheets`).toBe(200);
      expect(sheets.headers()['content-type'], `${role} badge sheets`).toBe('application/pdf');
    } else {
      const refusal = role === 'anonymous' ? 401 : 403;
      expect([badge.status(), sheets.status()], `${role} badges`).toEqual([refusal, refusal]);
    }
    // The attendance CSV: readers (the viewer, a venue manager for their venue) only.
    const attendance = await client.get(`${base}/reports/attendance.csv`, { maxRedirects: 0 });
    expect(attendance.status(), `${role} attendance CSV`).toBe(
      role === 'viewer' || role === 'venueManager' ? 200 : role === 'anonymous' ? 401 : 403,
    );
    const csv = await client.get(`${base}/registrations/export.csv`, { maxRedirects: 0 });
    // Passport details in the CSV: the event's organisers alone, even for those who read the export.
    const passportCsv = await client.get(`${base}/registrations/export.csv?passport=1`, { maxRedirects: 0 });
    expect(passportCsv.status(), `${role} passport CSV`).toBe(role === 'anonymous' ? 401 : 403);
    if (role === 'viewer' || role === 'venueManager') {
      // Both read the export; the manager's holds Bangkok's registrants only.
      expect(csv.status(), `${role} CSV`).toBe(200);
      expect((await csv.text()).includes('matrix.secret@example.org'), `${role} CSV`).toBe(role === 'viewer');
      continue;
    }
    expect(csv.status(), `${role} CSV`).toBe(role === 'anonymous' ? 401 : 403);
  }
  // The invitation codes of a hidden category: its organisers' alone, whoever else reads registrations.
  expect((await organiser.get(`${base}/registrations/export.csv?passport=1`)).status(), 'organiser passport CSV').toBe(200);
  const codesCsv = `${base}/categories/${seededIds().categoryId}/codes.csv`;
  expect((await organiser.get(codesCsv)).status(), 'organiser codes CSV').toBe(200);
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
    const codes = await (await clientFor(browser, role)).get(codesCsv, { maxRedirects: 0 });
    expect(codes.status(), `${role} codes CSV`).toBe(role === 'anonymous' ? 401 : 403);
    expect(await codes.text(), `${role} codes CSV`).not.toContain(seededIds().categoryCode);
  }
  // The meetings export (names, organisations, countries of who meets whom): organisers only.
  // The exhibitor (contacts) and listing exports likewise.
  for (const what of ['meetings', 'exhibitors', 'listings']) {
    const csv = `${base}/${what}/export.csv`;
    expect((await organiser.get(csv)).status(), `organiser ${what} CSV`).toBe(200);
    for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
      const refused = await (await clientFor(browser, role)).get(csv, { maxRedirects: 0 });
      expect(refused.status(), `${role} ${what} CSV`).toBe(role === 'anonymous' ? 401 : 403);
      expect(await refused.text(), `${role} ${what} CSV`).not.toContain('contact_email');
    }
  }
  // The outcomes register as CSV (private outcomes included): its organisers and viewers only.
  const outcomesCsv = `${base}/outcomes/export.csv`;
  expect((await organiser.get(outcomesCsv)).status(), 'organiser outcomes CSV').toBe(200);
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
    const outcomes = await (await clientFor(browser, role)).get(outcomesCsv, { maxRedirects: 0 });
    expect(outcomes.status(), `${role} outcomes CSV`).toBe(role === 'viewer' ? 200 : role === 'anonymous' ? 401 : 403);
    if (role !== 'viewer') expect(await outcomes.text(), `${role} outcomes CSV`).not.toContain('under negotiation');
  }
  // A session's live questions and poll results (askers of anonymous questions included): organisers
  // only; the other event's organiser is refused with their own event's address too.
  const live = ['questions', 'polls'].map((what) => `${base}/live/${seededIds().sessionId}/${what}.csv`);
  for (const url of live) {
    const own = await organiser.get(url);
    expect([own.status(), own.headers()['content-type']], `organiser ${url}`).toEqual([200, 'text/csv; charset=utf-8']);
  }
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
    const client = await clientFor(browser, role);
    for (const url of live)
      expect((await client.get(url, { maxRedirects: 0 })).status(), `${role} ${url}`).toBe(role === 'anonymous' ? 401 : 403);
  }
  const foreign = await (await clientFor(browser, 'otherOrganiser')).get(
    `/admin/events/${OTHER_EVENT}/live/${seededIds().sessionId}/questions.csv`,
    {
      maxRedirects: 0,
    },
  );
  expect(foreign.status(), 'other organiser, own event, this session').toBe(403);
});

/**
 * Every server action under app/[locale]/admin, from the build's manifest, checked against the source
 * (a new action is covered without editing this test), called over HTTP as Next.js encodes a call.
 */
function adminActionCalls(ids: Map<string, string>) {
  const source = sourceActions().filter((action) => action.key.startsWith(ADMIN));
  const built = [...ids.keys()].filter((key) => key.startsWith(ADMIN));
  return { source, built };
}

test('every admin server action refuses everyone but the event’s organisers (and a venue manager within their venue) at the time of the request, writes nothing, and refuses a foreign Origin', async ({
  browser,
  baseURL,
}) => {
  const ids = actionIds();
  const { source, built } = adminActionCalls(ids);
  expect(built.sort()).toEqual(source.map((a) => a.key).sort());
  expect(source.length).toBeGreaterThanOrEqual(15);

  const organiser = await clientFor(browser, 'organiser');
  const seeded = seededIds();
  const session = {
    slug: 'matrix-probe',
    title: { en: 'Matrix probe' },
    description: {},
    kind: 'panel',
    segment: 'main',
    venueId: '',
    roomId: '',
    date: '2026-01-01',
    start: '09:00',
    end: '10:00',
    capacity: '',
    streamed: true,
    livestreamUrl: '',
    recordingUrl: '',
    languages: ['en'],
    relayVenueIds: [],
    speakers: [],
    cancelled: false,
    acknowledgeConflicts: true,
  };
  const form = {
    email: 'matrix.action@example.org',
    confirm: 'yes',
    reason: 'Matrix probe',
    subject: 'Matrix probe',
    body: 'Matrix probe',
    code: 'HF1.x.y',
  };
  const idOfPage = (dir: string) =>
    dir.includes('/registrations/') ? seeded.registrationId : dir.includes('/mail/') ? seeded.mailId : seeded.sessionId;
  const argument = (param: string, dir: string): unknown => {
    const [name, type] = param.split(':').map((part) => part.trim()) as [string, string | undefined];
    if (type === 'FormData') return form;
    if (name === 'slug' || name === 'eventSlug') return slug;
    if (name === 'id') return idOfPage(dir);
    if (name === 'sessionId') return seeded.sessionId;
    if (name === 'venueId') return seeded.venueId;
    if (name === 'speakerId') return seeded.speakerId;
    if (name === 'categoryId') return seeded.categoryId;
    if (name === 'roomId' || name === 'questionId') return '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';
    if (name === 'direction') return 'up';
    if (name === 'exhibitorId') return seeded.exhibitorId;
    if (name === 'listingId') return seeded.listingId;
    if (name === 'outcomeId') return seeded.outcomeId;
    if (name === 'userId') return '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';
    // An exhibitor staff invite's id (revokeStaffInviteAction): well formed, so the role check refuses the call.
    if (name === 'inviteId') return '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';
    // A real decision, so the role check refuses the call, not the argument check.
    if (name === 'decision') return 'publish';
    if (name === 'email') return form.email;
    if (name === 'input') return { code: 'HF1.x.y' };
    // A real step, so the role check (not the argument check, which answers 404 to anyone) refuses it.
    if (name === 'step') return 'close-registration';
    return { ...session, name: 'Matrix probe' };
  };
  const pages = actionPages();
  const pageOf = (key: string) => {
    const at = pages.get(key)!;
    return at
      .replace(/^app\/\[locale\]/, '')
      .replace('[slug]', slug)
      .replace('[id]', idOfPage(at))
      .replace('[venueId]', seeded.venueId)
      .replace('[speakerId]', seeded.speakerId)
      .replace('[categoryId]', seeded.categoryId)
      .replace('[exhibitorId]', seeded.exhibitorId)
      .replace('[outcomeId]', seeded.outcomeId);
  };
  const calls = source.map(({ key, dir, params }) => ({
    key,
    page: pageOf(key),
    args: params.map((p) => argument(p, dir)),
    hasForm: params.some((p) => p.endsWith('FormData')),
  }));
  // The arguments encoded by React's own encodeReply, as the browser sends them.
  const invoke = (client: APIRequestContext, call: (typeof calls)[number], origin = baseURL!) =>
    postAction(client, {
      page: call.page,
      id: ids.get(call.key)!,
      args: call.args.map((a) => (a === form ? formData(form) : a)),
      origin,
    });

  // What a refused call could have written: the audit log, the mail, the registrations, the agenda, the outcomes.
  const state = async () => ({
    // Reading the export is audited itself (registration.export): every other entry counts.
    audit: ((await (await organiser.get(`${base}/audit`)).text()).match(/data-action="(?!registration\.export")/g) ?? []).length,
    registrations: await (await organiser.get(`${base}/registrations/export.csv`)).text(),
    mail: (await (await organiser.get(`${base}/mail`)).text()).includes('Matrix probe'),
    agenda: (await (await organiser.get(`${base}/agenda`)).text()).includes('Matrix probe'),
    // The outcomes register, private ones included: a refused save or delete leaves it as it was.
    outcomes: await (await organiser.get(`${base}/outcomes/export.csv`)).text(),
  });
  const before = await state();

  // Every call that was not refused as it should be, all listed at once.
  const notRefused: string[] = [];
  // Bangkok's manager and the viewer too: the seeded session and registration the calls carry are
  // Nanning's, so the manager's own scope refuses them, and a viewer may write nothing.
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
    const client = await clientFor(browser, role);
    for (const call of calls) {
      if ((role === 'checkin' || role === 'venueManager') && call.key.includes('/checkin/')) continue;
      const response = await invoke(client, call);
      const body = await response.text();
      const redirect = actionRedirect(response);
      const refused = role === 'anonymous' ? /^\/signin/.test(redirect) : response.status() === 404;
      if (!refused || body.includes('"ok":true'))
        notRefused.push(`${role} ${call.key}: ${response.status()} ${redirect} ${body.slice(0, 120)}`);
    }
  }
  expect(notRefused).toEqual([]);

  // The organiser's own session, posted from another site, is refused before any action runs.
  for (const call of calls) {
    const foreign = await invoke(organiser, call, 'https://evil.example');
    expect(foreign.status(), `foreign origin ${call.key}`).toBeGreaterThanOrEqual(400);
    expect(foreign.headers()['x-action-redirect'], `foreign origin ${call.key}`).toBeUndefined();
  }

  // Nothing the refused calls asked for happened.
  expect(await state()).toEqual(before);

  // The same calls from the organiser, same-origin, get past the role check: the matrix is not refusing
  // everyone. A read-only one (the conflict preview) answers its result; a form one (a livestream grant)
  // reaches the grant's own checks and is sent back to its page, not refused.
  const preview = calls.find((c) => c.key.endsWith('#checkSessionAction'))!;
  const allowed = await invoke(organiser, { ...preview, args: [slug, null, session] });
  expect(allowed.status()).toBe(200);
  expect(await allowed.text()).toContain('venueId');
  const grant = calls.find((c) => c.key.endsWith('#grantStreamAccessAction'))!;
  const granted = await invoke(organiser, grant);
  expect(granted.status()).toBe(200);
  expect(granted.headers()['x-action-redirect'] ?? '').toMatch(new RegExp(`^${base}/streams\\?`));
});

test('the speaker portal’s actions change only the signed-in speaker’s own record (or one its event’s organisers may edit), refuse everyone else, and write nothing', async ({
  browser,
  baseURL,
}) => {
  const ids = actionIds();
  const owner = await clientFor(browser, 'speaker');
  const otherOrganiser = await clientFor(browser, 'otherOrganiser');
  // The owner's record in the other event (tests/e2e/fixtures.ts), its id as the portal's form carries it.
  const speakerId = /id="affiliation-([0-9a-f-]{36})"/.exec(await (await owner.get('/speaker')).text())?.[1];
  expect(speakerId, 'the owner’s speaker record on their portal').toBeDefined();
  const probe = 'Matrix speaker probe';
  const values = { bio: { en: probe }, affiliation: 'Matrix Affiliation', jobTitle: 'Probe', timeZone: 'Asia/Bangkok' };
  const update = (client: APIRequestContext, id: unknown = speakerId, origin = baseURL!) =>
    postAction(client, { page: '/speaker', id: ids.get(SPEAKER_ACTIONS.update)!, args: [id, values], origin });
  // The portal's form posts itself: its FormData is the only argument, and the action ignores it.
  const regenerate = (client: APIRequestContext, origin = baseURL!) =>
    postAction(client, { page: '/speaker', id: ids.get(SPEAKER_ACTIONS.regenerate)!, args: [formData({})], origin });

  // What a call could have written: the owner's profile (their portal shows it), their calendar feed
  // link (replaced by a regeneration) and the audit log of the record's event.
  const state = async () => {
    const portal = await (await owner.get('/speaker')).text();
    const audit = await (await otherOrganiser.get(`/admin/events/${OTHER_EVENT}/audit`)).text();
    return {
      profile: portal.includes(probe),
      feed: /data-testid="calendar-feed"[^>]*>([^<]*)</.exec(portal)?.[1] ?? null,
      audited: (audit.match(/data-action="speaker\.profile\.update"/g) ?? []).length,
    };
  };
  const before = await state();
  expect(before.profile).toBe(false);

  const notRefused: string[] = [];
  const refusedUpdate = async (label: string, response: Awaited<ReturnType<typeof update>>) => {
    const body = await response.text();
    const signIn = /^\/signin/.test(actionRedirect(response));
    if (!(signIn || body.includes('"code":"forbidden"')) || body.includes('"ok":true'))
      notRefused.push(`${label}: ${response.status()} ${actionRedirect(response)} ${body.slice(0, 160)}`);
  };
  for (const role of ['anonymous', 'attendee', 'organiser', 'checkin', 'otherSpeaker'] as const) {
    const client = await clientFor(browser, role);
    await refusedUpdate(`${role} updateProfile`, await update(client));
    // Not a speaker at all: nothing to regenerate, sent to sign in as someone who is.
    if (role !== 'otherSpeaker') {
      const regenerated = await regenerate(client);
      if (!/^\/signin/.test(actionRedirect(regenerated)))
        notRefused.push(`${role} regenerateCalendar: ${regenerated.status()} ${actionRedirect(regenerated)}`);
    } else {
      // Another speaker regenerates their own feed, which is allowed, and must leave the owner's alone.
      expect(actionRedirect(await regenerate(client))).toMatch(/^\/speaker\?calendar=new/);
      // Nor do ids that are not a record of theirs open anything: another event's record, a made-up one, none.
      await refusedUpdate('otherSpeaker updateProfile(demo record)', await update(client, seededIds().speakerId));
      await refusedUpdate('otherSpeaker updateProfile(unknown id)', await update(client, '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f'));
      await refusedUpdate('otherSpeaker updateProfile(not an id)', await update(client, { id: speakerId }));
    }
  }
  // The owner's own session from another site is refused before the action runs.
  const foreign = await update(owner, speakerId, 'https://evil.example');
  expect(foreign.status(), 'foreign origin').toBeGreaterThanOrEqual(400);
  const foreignRegenerate = await regenerate(owner, 'https://evil.example');
  expect(foreignRegenerate.status(), 'foreign origin').toBeGreaterThanOrEqual(400);
  expect(notRefused).toEqual([]);
  expect(await state()).toEqual(before);

  // Controls: the owner saves their profile and replaces their feed link; the organiser of the record's
  // event may edit it too (requireSpeakerEditor), so the refusals above are about who asks.
  const saved = await update(owner);
  expect(await saved.text()).toContain('"ok":true');
  const regenerated = await regenerate(owner);
  expect(actionRedirect(regenerated)).toMatch(/^\/speaker\?calendar=new/);
  const after = await state();
  expect(after.profile).toBe(true);
  expect(after.feed).toMatch(/\/speaker\/calendar\/.+\.ics$/);
  expect(after.feed).not.toBe(before.feed);
  expect(after.audited).toBe(before.audited + 1);
  expect(await (await update(otherOrganiser)).text()).toContain('"ok":true');
});

test('the exhibitor portal’s actions touch only the signed-in staff member’s own exhibitor: everyone else, and forged ids, are refused and nothing is written', async ({
  browser,
  baseURL,
}) => {
  const ids = actionIds();
  const owner = await clientFor(browser, 'exhibitor');
  const organiser = await clientFor(browser, 'organiser');
  const siam = seededIds().exhibitorId;
  const portal = `/exhibitor/${siam}`;
  const listingId = /data-listing="([0-9a-f-]{36})"/.exec(await (await owner.get(portal)).text())?.[1];
  expect(listingId, 'a listing of the owner’s exhibitor on their portal').toBeDefined();
  const profile = {
    name: { en: 'Siam MedTech Co., Ltd.', zh: '暹罗医疗科技有限公司' },
    description: { en: 'Matrix exhibitor probe' },
    country: 'TH',
    sectors: ['big-health'],
    website: 'https://siam-medtech.example',
    contactName: 'Ploy Suwannarat',
    contactEmail: 'ploy@siam-medtech.example',
    contactPhone: '+66 2 555 0101',
  };
  const listing = {
    exhibitorId: siam,
    kind: 'offer',
    title: { en: 'Matrix exhibitor probe' },
    summary: {},
    sector: 'big-health',
    trl: '5',
    ipStatus: 'patent',
    cooperation: ['licensing'],
    countries: [],
  };
  const meetingForm = () => formData({ meeting: '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f', decision: 'cancel', outcome: 'mou', slotId: siam });
  const calls: [string, string, () => unknown[]][] = [
    ['profile', EXHIBITOR_ACTIONS.profile, () => [siam, profile]],
    ['create', EXHIBITOR_ACTIONS.create, () => [listing]],
    ['update', EXHIBITOR_ACTIONS.update, () => [listingId, listing]],
    ...Object.entries(EXHIBITOR_MEETING_ACTIONS).map(
      ([name, key]) => [name, key, () => [siam, meetingForm()]] as [string, string, () => unknown[]],
    ),
  ];
  // Each action is posted from the page that carries it, as the browser would.
  const call = (client: APIRequestContext, key: string, args: unknown[], origin = baseURL!) =>
    postAction(client, { page: key.startsWith(EXHIBITOR_MEETING) ? `${portal}/meetings` : portal, id: ids.get(key)!, args, origin });
  // What a call could have written: the audit log's entries (a profile save, a listing) and the owner's listings.
  const state = async () => ({
    audit: (
      (await (await organiser.get(`${base}/audit`)).text()).match(/data-action="(exhibitor\.update|listing\.create|listing\.update)"/g) ??
      []
    ).length,
    portal: (await (await owner.get(portal)).text()).includes('Matrix exhibitor probe'),
  });
  const before = await state();

  const notRefused: string[] = [];
  for (const role of ['anonymous', 'attendee', 'speaker', 'organiser', 'otherOrganiser', 'checkin', 'viewer', 'otherExhibitor'] as const) {
    const client = await clientFor(browser, role);
    for (const [name, key, args] of calls) {
      const response = await call(client, key, args());
      const body = await response.text();
      const refused = /^\/signin/.test(actionRedirect(response)) || body.includes('"code":"forbidden"') || response.status() === 404;
      if (!refused || body.includes('"ok":true'))
        notRefused.push(`${role} ${name}: ${response.status()} ${actionRedirect(response)} ${body.slice(0, 160)}`);
    }
  }
  // Staff of another exhibitor, with ids that are not theirs in every place an id goes.
  const other = await clientFor(browser, 'otherExhibitor');
  for (const [label, key, args] of [
    ['listing of another exhibitor', EXHIBITOR_ACTIONS.update, [listingId, { ...listing, exhibitorId: siam }]],
    ['unknown exhibitor', EXHIBITOR_ACTIONS.profile, ['6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f', profile]],
    ['not an id', EXHIBITOR_ACTIONS.profile, [{ id: siam }, profile]],
    ['not an id', EXHIBITOR_ACTIONS.update, [{ id: listingId }, listing]],
  ] as const) {
    const response = await call(other, key, [...args]);
    const body = await response.text();
    if (body.includes('"ok":true') || !(body.includes('"code":"forbidden"') || /^\/signin/.test(actionRedirect(response))))
      notRefused.push(`otherExhibitor ${label}: ${response.status()} ${body.slice(0, 160)}`);
  }
  // The owner's own session from another site is refused before any action runs.
  for (const [name, key, args] of calls) {
    const foreign = await call(owner, key, args(), 'https://evil.example');
    expect(foreign.status(), `foreign origin ${name}`).toBeGreaterThanOrEqual(400);
  }
  expect(notRefused).toEqual([]);
  expect(await state()).toEqual(before);

  // Controls: the owner gets past the staff check. A meeting step about no meeting of theirs comes back to
  // their meetings page with its error; a profile save is saved.
  const step = await call(owner, EXHIBITOR_MEETING_ACTIONS.answer, [siam, meetingForm()]);
  expect(actionRedirect(step)).toMatch(new RegExp(`^${portal}/meetings\\?`));
  expect(await (await call(owner, EXHIBITOR_ACTIONS.profile, [siam, profile])).text()).toContain('"ok":true');
  const after = await state();
  expect(after.audit).toBe(before.audit + 1);
  // The demo's own words back, for the specs that read its public page.
  const demo = demoExhibitors.find((e) => e.slug === 'siam-medtech')!;
  expect(await (await call(owner, EXHIBITOR_ACTIONS.profile, [siam, { ...profile, description: demo.description }])).text()).toContain(
    '"ok":true',
  );
});

test('the manage page’s actions act only with the registration’s own token: none, a forged, spliced or other-purpose token and a cancelled registration’s are refused, and no registration changes', async ({
  browser,
  baseURL,
  request,
}) => {
  const ids = actionIds();
  const organiser = await clientFor(browser, 'organiser');
  const register = async (email: string, name: string) => {
    const response = await request.post(`/api/v1/events/${slug}/registrations`, {
      data: { name, email, organisation: 'ASEAN Foundation', country: 'ID', participantType: 'other', mode: 'online', consent: true },
    });
    expect(response.status(), `registering ${email}`).toBe(201);
    const [mail] = await mailbox.waitFor(email, 1);
    return decodeURIComponent(mailbox.managePath(mail!).split('/').pop()!);
  };
  const victim = { email: 'matrix.manage@example.org', token: await register('matrix.manage@example.org', 'Matrix Manageperson') };
  const other = { email: 'matrix.other@example.org', token: await register('matrix.other@example.org', 'Matrix Otherperson') };
  const [victimId, victimMac] = victim.token.split('.') as [string, string];
  const [, otherMac] = other.token.split('.') as [string, string];

  const change = (token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe',
      id: ids.get(MANAGE_ACTIONS.change)!,
      args: [token, formData({ mode: 'in_person', venue: 'nanning' })],
      origin,
    });
  const cancel = (token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe',
      id: ids.get(MANAGE_ACTIONS.cancel)!,
      args: [token, formData({ confirm: 'yes' })],
      origin,
    });
  const erase = (token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe',
      id: ids.get(MANAGE_ACTIONS.erase)!,
      args: [token, formData({ confirm: 'erase' })],
      origin,
    });
  const details = (token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe',
      id: ids.get(MANAGE_ACTIONS.details)!,
      args: [token, { name: 'Matrix Renamed', organisation: 'Matrix probe', locale: 'zh', answers: {} }],
      origin,
    });
  const email = (token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe',
      id: ids.get(MANAGE_ACTIONS.email)!,
      args: [token, formData({ email: 'matrix.thief@example.org' })],
      origin,
    });
  const visa = (token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe',
      id: ids.get(MANAGE_ACTIONS.visa)!,
      args: [
        token,
        {
          passportName: 'MATRIX PROBE',
          nationality: 'ID',
          passportNumber: 'X1234567',
          dateOfBirth: '1980-01-01',
          passportExpiry: '2035-01-01',
        },
      ],
      origin,
    });
  // Every registration as the organiser's export has it: mode, venue, status, waitlist place, sessions.
  const registrations = async () => (await (await organiser.get(`${base}/registrations/export.csv`)).text()).replace(/^\uFEFF/, '');
  const row = (csv: string, email: string) => csv.split('\n').find((line) => line.includes(email)) ?? '';
  const before = await registrations();
  expect(row(before, victim.email)).toContain(',online,');

  const refusedTokens: Record<string, unknown> = {
    none: '',
    null: null,
    garbage: 'not-a-token',
    'bare id': victimId,
    'forged mac': `${victimId}.${'A'.repeat(victimMac.length)}`,
    'another registrant’s mac': `${victimId}.${otherMac}`,
    'upper-case id': `${victimId.toUpperCase()}.${victimMac}`,
    'extra part': `${victim.token}.${victimMac}`,
    'a join link’s token (other purpose)': seededIds().joinPath.split('/').pop()!,
  };
  const notRefused: string[] = [];
  for (const [label, token] of Object.entries(refusedTokens)) {
    for (const [name, call] of [
      ['change', change],
      ['cancel', cancel],
      ['erase', erase],
      ['details', details],
      ['email', email],
      ['visa', visa],
    ] as const) {
      const response = await call(token);
      if (!/[?&]error=link(;|$)/.test(actionRedirect(response)))
        notRefused.push(`${name} with ${label}: ${response.status()} ${actionRedirect(response)}`);
    }
  }
  // The right token from another site is refused before the action runs.
  for (const call of [change, cancel, erase, details, email, visa])
    expect((await call(victim.token, 'https://evil.example')).status()).toBeGreaterThanOrEqual(400);
  expect(notRefused).toEqual([]);
  expect(await registrations()).toEqual(before);

  // A cancelled registration's token changes nothing any more (it is register-again, not reopen).
  expect(actionRedirect(await cancel(other.token))).toMatch(/[?&]cancelled=1(&|;|$)/);
  const cancelled = await registrations();
  expect(row(cancelled, other.email)).toContain(',cancelled,');
  const reopened = await change(other.token);
  expect(actionRedirect(reopened)).toMatch(/[?&]error=/);
  await cancel(other.token);
  expect(await registrations()).toEqual(cancelled);

  // A cancelled registration's details stay as they were.
  expect(await (await details(other.token)).text()).not.toContain('"ok":true');
  expect(await registrations()).toEqual(cancelled);

  // Control: the registrant's own token changes their registration, and their details.
  expect(await (await details(victim.token)).text()).toContain('"ok":true');
  expect(row(await registrations(), victim.email)).toContain('Matrix Renamed');
  expect(actionRedirect(await change(victim.token))).toMatch(/[?&]saved=1(;|$)/);
  expect(row(await registrations(), victim.email)).toMatch(/,in_person,[^,]*Nanning|,in_person,nanning/i);

  // Control: the other registrant's own token erases their data; the victim's stays, and the link
  // then says only that the registration was erased.
  expect(actionRedirect(await erase(other.token))).toMatch(/[?&]erased=1(;|$)/);
  const erased = await registrations();
  expect(erased).not.toContain(other.email);
  expect(erased).not.toContain('Matrix Otherperson');
  expect(row(erased, victim.email)).toContain('Matrix Renamed');
  const page = await (await request.get(`/manage/${encodeURIComponent(other.token)}`)).text();
  expect(page).toContain('This registration was erased.');
  expect(page).not.toContain(other.email);
  // The organisers' list names the erased row in words (a link without text has no name to a screen reader).
  const [otherId] = other.token.split('.') as [string];
  const list = await (await organiser.get(`${base}/registrations`)).text();
  expect(list).toContain(`<a href="${base}/registrations/${otherId}">(name erased)</a>`);
  expect(list).not.toContain('Matrix Otherperson');
});

test('the meetings page’s actions act only as the confirmed registrant whose own token they carry: none, a forged or other-purpose token and a cancelled registration’s are refused, and nothing changes', async ({
  baseURL,
  request,
}) => {
  const ids = actionIds();
  const register = async (email: string, name: string) => {
    const response = await request.post(`/api/v1/events/${slug}/registrations`, {
      data: { name, email, organisation: 'ASEAN Foundation', country: 'ID', participantType: 'other', mode: 'online', consent: true },
    });
    expect(response.status(), `registering ${email}`).toBe(201);
    const [mail] = await mailbox.waitFor(email, 1);
    return decodeURIComponent(mailbox.managePath(mail!).split('/').pop()!);
  };
  const own = await register('matrix.meet@example.org', 'Matrix Meetperson');
  const gone = await register('matrix.meetgone@example.org', 'Matrix Goneperson');
  const cancelled = await postAction(request, {
    page: '/manage/probe',
    id: ids.get(MANAGE_ACTIONS.cancel)!,
    args: [gone, formData({ confirm: 'yes' })],
    origin: baseURL!,
  });
  expect(actionRedirect(cancelled)).toMatch(/[?&]cancelled=1/);
  const probe = '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';
  const forms: Record<keyof typeof MEETING_ACTIONS, Record<string, string | string[]>> = {
    profile: { sectors: ['big-health'], interests: 'Matrix probe' },
    request: { with: `person:${probe}`, slotId: probe, message: 'Matrix probe' },
    answer: { meeting: probe, decision: 'accept' },
    outcome: { meeting: probe, outcome: 'mou' },
    propose: { meeting: probe, slotId: probe, message: 'Matrix probe' },
    availability: { unavailable: [probe] },
    block: { meeting: probe },
    unblock: { person: probe },
  };
  const call = (name: keyof typeof MEETING_ACTIONS, token: unknown, origin = baseURL!) =>
    postAction(request, {
      page: '/manage/probe/meetings',
      id: ids.get(MEETING_ACTIONS[name])!,
      args: [token, formData(forms[name])],
      origin,
    });
  const [ownId, ownMac] = own.split('.') as [string, string];
  const refusedTokens: Record<string, unknown> = {
    none: '',
    null: null,
    garbage: 'not-a-token',
    'bare id': ownId,
    'forged mac': `${ownId}.${'A'.repeat(ownMac.length)}`,
    'a join link’s token (other purpose)': seededIds().joinPath.split('/').pop()!,
    'a cancelled registration’s own token': gone,
  };
  const notRefused: string[] = [];
  for (const [label, token] of Object.entries(refusedTokens))
    for (const name of Object.keys(MEETING_ACTIONS) as (keyof typeof MEETING_ACTIONS)[]) {
      const response = await call(name, token);
      if (!/[?&]error=link(;|$)/.test(actionRedirect(response)))
        notRefused.push(`${name} with ${label}: ${response.status()} ${actionRedirect(response)}`);
    }
  expect(notRefused).toEqual([]);
  for (const name of Object.keys(MEETING_ACTIONS) as (keyof typeof MEETING_ACTIONS)[])
    expect((await call(name, own, 'https://evil.example')).status(), name).toBeGreaterThanOrEqual(400);
  // Nobody joined matchmaking through the refused calls: the page still offers to join.
  expect(await (await request.get(`/manage/${encodeURIComponent(own)}/meetings`)).text()).toContain('Join matchmaking');

  // Controls: the registrant's own token gets past who-is-asking to the checks of what is asked.
  expect(actionRedirect(await call('profile', own))).toMatch(/[?&]done=profile/);
  expect(actionRedirect(await call('request', own))).toMatch(/[?&]field=with&error=meetingWith/);
  expect(actionRedirect(await call('answer', own))).toMatch(/[?&]field=form&error=meetingNotPending/);
  expect(actionRedirect(await call('outcome', own))).toMatch(/[?&]field=form&error=meetingNotPending/);
  expect(actionRedirect(await call('propose', own))).toMatch(/[?&]field=form&error=meetingNotPending/);
  expect(actionRedirect(await call('availability', own))).toMatch(/[?&]done=availability/);
  expect(actionRedirect(await call('block', own))).toMatch(/[?&]field=form&error=meetingNotPending/);
  expect(actionRedirect(await call('unblock', own))).toMatch(/[?&]field=form&error=meetingNotPending/);
  expect(await (await request.get(`/manage/${encodeURIComponent(own)}/meetings`)).text()).toContain('Your matchmaking profile');
});

test('the live room’s moderator actions refuse everyone but the session’s moderators, and its attendee actions need an entitled registrant’s live token; nothing is written', async ({
  browser,
  request,
  baseURL,
}) => {
  const ids = actionIds();
  const organiser = await clientFor(browser, 'organiser');
  // The seeded online registrant's live room: its page hands the browser a short-lived attendee token.
  const livePage = await (await request.get(seededIds().livePath)).text();
  const attendeeToken = /a\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.\d+\.[\w-]+/.exec(livePage)?.[0];
  expect(attendeeToken, 'the attendee token on the live page').toBeDefined();
  const sessionId = attendeeToken!.split('.')[2]!;
  const moderatePath = `/live/moderate/${sessionId}`;
  const moderatorToken = /m\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.\d+\.[\w-]+/.exec(await (await organiser.get(moderatePath)).text())?.[0];
  expect(moderatorToken, 'the moderator token on the moderator page').toBeDefined();
  const attendee = (client: APIRequestContext, key: string, args: unknown[]) =>
    postAction(client, { page: '/live/probe', id: ids.get(key)!, args, origin: baseURL! });
  const moderator = (client: APIRequestContext, key: string, args: unknown[]) =>
    postAction(client, { page: moderatePath, id: ids.get(key)!, args, origin: baseURL! });

  // Controls, which also make what the refused calls aim at: a question, a poll, a stage link.
  const asked = await (
    await attendee(request, LIVE_ATTENDEE_ACTIONS.ask, [attendeeToken, { body: 'Matrix live probe', anonymous: false }])
  ).text();
  const questionId = /"id":"([0-9a-f-]{36})"/.exec(asked)?.[1];
  expect(questionId, asked.slice(0, 200)).toBeDefined();
  const opened = await (
    await moderator(organiser, LIVE_MODERATOR_ACTIONS.openPoll, [
      sessionId,
      { question: 'Matrix poll?', options: 'Yes\nNo', multiple: false },
    ])
  ).text();
  const pollId = /"id":"([0-9a-f-]{36})"/.exec(opened)?.[1];
  expect(pollId, opened.slice(0, 200)).toBeDefined();
  const made = await (await moderator(organiser, LIVE_MODERATOR_ACTIONS.createStageLink, [sessionId, 'Matrix screen'])).text();
  const linkId = /"path":"\/stage\/([0-9a-f-]{36})\./.exec(made)?.[1];
  expect(linkId, made.slice(0, 200)).toBeDefined();

  // What a call could have changed, as the moderator's page shows it.
  const state = async () => {
    const html = await (await organiser.get(moderatePath)).text();
    return {
      pending: (html.match(/data-status="pending"/g) ?? []).length,
      approved: (html.match(/data-status="approved"/g) ?? []).length,
      polls: (html.match(/data-testid="poll-results"/g) ?? []).length,
      links: (html.match(/data-testid="stage-link"/g) ?? []).length,
      blocklisted: html.includes('intruder-term'),
      // The room's state as the page's own payload carries it (the words for both states travel with the page).
      open: /questionsOpen\\?":(true|false)/.exec(html)?.[1] === 'true',
    };
  };
  const before = await state();
  expect(before).toMatchObject({ open: true });

  const notRefused: string[] = [];
  const refused = async (label: string, response: Awaited<ReturnType<typeof attendee>>) => {
    const body = await response.text();
    if (
      body.includes('"ok":true') ||
      !(/"code":"(not-found|forbidden)"/.test(body) || /^\/signin/.test(actionRedirect(response)) || response.status() === 404)
    )
      notRefused.push(`${label}: ${response.status()} ${actionRedirect(response)} ${body.slice(0, 160)}`);
  };
  const moderatorCalls: [string, unknown[]][] = [
    [LIVE_MODERATOR_ACTIONS.moderate, [sessionId, questionId, 'approve']],
    [LIVE_MODERATOR_ACTIONS.setOpen, [sessionId, false]],
    [LIVE_MODERATOR_ACTIONS.openPoll, [sessionId, { question: 'Intruder poll?', options: 'A\nB', multiple: false }]],
    [LIVE_MODERATOR_ACTIONS.closePoll, [sessionId, pollId]],
    [LIVE_MODERATOR_ACTIONS.createStageLink, [sessionId, 'Intruder screen']],
    [LIVE_MODERATOR_ACTIONS.revokeStageLink, [sessionId, linkId]],
    [LIVE_MODERATOR_ACTIONS.saveBlocklist, [sessionId, { terms: 'intruder-term' }]],
  ];
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin', 'venueManager', 'viewer'] as const) {
    const client = await clientFor(browser, role);
    for (const [key, args] of moderatorCalls) await refused(`${role} ${key}`, await moderator(client, key, args));
  }
  const [, subject, session, expires, mac] = attendeeToken!.split('.');
  const badTokens: Record<string, unknown> = {
    none: '',
    garbage: 'not-a-token',
    'forged mac': `a.${subject}.${session}.${expires}.${'A'.repeat(mac!.length)}`,
    'later expiry': `a.${subject}.${session}.${Number(expires) + 3600}.${mac}`,
    'the moderator’s token': moderatorToken,
    'the join link (another purpose)': seededIds().joinPath.split('/').pop(),
  };
  for (const [label, token] of Object.entries(badTokens)) {
    await refused(
      `ask with ${label}`,
      await attendee(request, LIVE_ATTENDEE_ACTIONS.ask, [token, { body: 'Intruder question', anonymous: false }]),
    );
    await refused(`upvote with ${label}`, await attendee(request, LIVE_ATTENDEE_ACTIONS.upvote, [token, questionId]));
    await refused(`vote with ${label}`, await attendee(request, LIVE_ATTENDEE_ACTIONS.vote, [token, pollId, [0]]));
  }
  expect(notRefused).toEqual([]);
  expect(await state()).toEqual(before);

  // Control: the organiser approves; the registrant's own token votes once.
  expect(await (await moderator(organiser, LIVE_MODERATOR_ACTIONS.moderate, [sessionId, questionId, 'approve'])).text()).toContain(
    '"ok":true',
  );
  expect(await (await attendee(request, LIVE_ATTENDEE_ACTIONS.vote, [attendeeToken, pollId, [0]])).text()).toContain('"ok":true');
  expect(await (await moderator(organiser, LIVE_MODERATOR_ACTIONS.revokeStageLink, [sessionId, linkId])).text()).toContain('"ok":true');
});

test('every server action in the build is one the matrix covers, and the build has the source’s actions', () => {
  const built = [...actionIds().keys()].sort();
  expect(built).toEqual(
    sourceActions()
      .map((action) => action.key)
      .sort(),
  );
  const named = [
    ...Object.values(SPEAKER_ACTIONS),
    ...Object.values(MANAGE_ACTIONS),
    ...Object.values(MEETING_ACTIONS),
    ...Object.values(EXHIBITOR_ACTIONS),
    ...Object.values(EXHIBITOR_MEETING_ACTIONS),
    ...Object.values(LIVE_ATTENDEE_ACTIONS),
    ...Object.values(LIVE_MODERATOR_ACTIONS),
    ...Object.keys(PUBLIC_ACTIONS),
  ];
  // A renamed or removed action leaves no entry behind that covers nothing.
  for (const key of named) expect(built, key).toContain(key);
  expect(built.filter((key) => !key.startsWith(ADMIN) && !named.includes(key))).toEqual([]);
});
