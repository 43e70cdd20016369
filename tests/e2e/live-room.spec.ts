import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { useMailbox } from './mailbox';
import { contextFor, seededIds } from './support/page-inventory';
import { sharedDatabase, startSecondInstance } from './support/second-instance';

const mailbox = useMailbox();

/**
 * Registers through the public API and opens the live room from the registration page the mail links
 * to, on `roomURL` (another instance of the app) when given.
 */
async function attendeeRoom(
  browser: Browser,
  baseURL: string,
  person: { email: string; name: string; mode: 'online' | 'in_person'; venue?: string },
  roomURL = baseURL,
) {
  const { slug, sessionId } = seededIds();
  const context = await browser.newContext({ baseURL: roomURL });
  await context.addInitScript(recordEventIds);
  const response = await context.request.post(`${baseURL}/api/v1/events/${slug}/registrations`, {
    data: {
      name: person.name,
      email: person.email,
      organisation: 'ASEAN Foundation',
      country: 'TH',
      participantType: 'other',
      mode: person.mode,
      venue: person.venue,
      sessions: [sessionId],
      consent: true,
    },
  });
  expect(response.status(), person.email).toBe(201);
  const [mail] = await mailbox.waitFor(person.email, 1);
  const page = await context.newPage();
  await page.goto(mailbox.managePath(mail!));
  await page.getByTestId('live-link').first().click();
  // The room's page is rendered on the server per request: on a loaded CI machine the navigation
  // after the click once took longer than the feed check's 10 s, so it gets its own, longer wait.
  await page.waitForURL(/\/live\//, { timeout: 30_000 });
  await expect(page.getByTestId('feed-status')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  return { context, page };
}

/**
 * Runs in the page before its scripts: every live event the page's EventSource delivers leaves its id
 * in `window.__liveEventIds`, so a test sees each id arrive once and in order across a reconnect.
 */
function recordEventIds() {
  const Native = window.EventSource;
  const ids: number[] = [];
  (window as unknown as { __liveEventIds: number[] }).__liveEventIds = ids;
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      for (const type of ['question', 'poll', 'room'])
        this.addEventListener(type, (event) => ids.push(Number((event as MessageEvent).lastEventId)));
    }
  };
}
const eventIds = (page: Page) => page.evaluate(() => (window as unknown as { __liveEventIds: number[] }).__liveEventIds);

async function ask(page: Page, body: string, anonymous = false) {
  await page.getByLabel('Your question').fill(body);
  if (anonymous) await page.getByLabel(/Ask anonymously/).check();
  await page.getByRole('button', { name: 'Send question' }).click();
  await expect(page.getByTestId('ask-notice')).toContainText('Thank you');
}

test('an online and a Bangkok attendee ask, a third upvotes, the moderator approves and highlights, and the stage display shows it live with a poll', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const contexts: BrowserContext[] = [];
  try {
    const online = await attendeeRoom(browser, baseURL!, { email: 'live.online@example.org', name: 'Online Asker', mode: 'online' });
    const bangkok = await attendeeRoom(browser, baseURL!, {
      email: 'live.bangkok@example.org',
      name: 'Bangkok Asker',
      mode: 'in_person',
      venue: 'bangkok',
    });
    const third = await attendeeRoom(browser, baseURL!, { email: 'live.third@example.org', name: 'Third Voter', mode: 'online' });
    contexts.push(online.context, bangkok.context, third.context);

    const moderatorContext = await contextFor(browser, 'organiser', 'en', baseURL!);
    contexts.push(moderatorContext);
    const moderator = await moderatorContext.newPage();
    await moderator.goto(`/live/moderate/${seededIds().sessionId}`);
    await expect(moderator.getByTestId('feed-status')).toHaveAttribute('data-status', 'live');
    await moderator.getByLabel(/Screen name/).fill('Bangkok hall');
    await moderator.getByRole('button', { name: 'Make a stage link' }).click();
    const stageLink = moderator.getByTestId('stage-link').filter({ hasText: 'Bangkok hall' }).getByRole('link');
    const stagePath = await stageLink.getAttribute('href');
    const stageContext = await browser.newContext({ baseURL });
    contexts.push(stageContext);
    const stage = await stageContext.newPage();
    await stage.goto(stagePath!);
    await expect(stage.getByTestId('stage-highlight')).toBeVisible();

    const onlineQuestion = 'How will online attendees reach the matchmaking sessions?';
    const bangkokQuestion = '<b>Bangkok</b> asks: which clinics pilot first?';
    await ask(online.page, onlineQuestion);
    await ask(bangkok.page, bangkokQuestion, true);

    // Pending: the moderator sees both at once, with the anonymous asker's name; the others do not yet.
    const pending = moderator.getByTestId('section-pending');
    await expect(pending.getByTestId('question').filter({ hasText: onlineQuestion })).toContainText('Online Asker');
    await expect(pending.getByTestId('question').filter({ hasText: bangkokQuestion })).toContainText('Bangkok Asker');
    await expect(third.page.getByText(onlineQuestion)).toHaveCount(0);
    for (const text of [onlineQuestion, bangkokQuestion])
      await pending.getByTestId('question').filter({ hasText: text }).getByTestId('moderate-approve').click();

    // Approved: the third attendee sees both live, the anonymous one without a name, and upvotes it.
    const thirdsView = third.page.getByTestId('question').filter({ hasText: bangkokQuestion });
    await expect(thirdsView).toContainText('Anonymous');
    await expect(thirdsView).not.toContainText('Bangkok Asker');
    await expect(third.page.getByTestId('question').filter({ hasText: onlineQuestion })).toContainText('Online Asker');
    await thirdsView.getByTestId('upvote').click();
    await expect(thirdsView.getByTestId('upvote')).toHaveText('Upvoted');
    await expect(online.page.getByTestId('question').filter({ hasText: bangkokQuestion }).getByTestId('votes')).toHaveText('1 upvote');

    // Highlighted: the stage display shows it, as text, in large type.
    const approved = moderator.getByTestId('section-approved');
    await approved.getByTestId('question').filter({ hasText: bangkokQuestion }).getByTestId('moderate-highlight').click();
    const started = Date.now();
    await expect(stage.getByTestId('stage-highlight')).toContainText(bangkokQuestion, { timeout: 1_000 });
    test.info().annotations.push({ type: 'stage latency', description: `${Date.now() - started} ms after the click returned` });
    await expect(stage.getByTestId('stage-highlight')).toContainText('Anonymous');
    await expect(stage.locator('b')).toHaveCount(0);
    await expect(stage.getByTestId('stage-top')).toContainText(onlineQuestion);

    // A poll: opened by the moderator, answered by the online attendee, counted live on the stage.
    await moderator.getByLabel('Question', { exact: true }).fill('Which market first?');
    await moderator.getByLabel('Answers', { exact: true }).fill('Thailand\nViet Nam\nIndonesia');
    await moderator.getByRole('button', { name: 'Open poll' }).click();
    const ballot = online.page.getByTestId('poll-ballot');
    await ballot.getByLabel('Viet Nam').check();
    await ballot.getByRole('button', { name: 'Vote' }).click();
    const results = stage.getByTestId('poll-results');
    await expect(results).toContainText('Which market first?');
    await expect(results.getByTestId('poll-option').filter({ hasText: 'Viet Nam' }).getByTestId('poll-count')).toHaveText('1');
    await expect(online.page.getByTestId('poll-results').getByTestId('poll-option').filter({ hasText: 'Viet Nam' })).toContainText(
      'your choice',
    );

    // Revoking the stage link stops the screen.
    await moderator.getByTestId('stage-link').filter({ hasText: 'Bangkok hall' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(moderator.getByTestId('stage-link').filter({ hasText: 'Bangkok hall' })).toHaveCount(0);
    await stage.reload();
    await expect(stage.getByTestId('stage-refused')).toBeVisible();
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('an instance restarted mid-session loses nothing: its attendees and stage screen reconnect and resume from Last-Event-ID, each question once', async ({
  browser,
  baseURL,
}) => {
  test.skip(
    !sharedDatabase(),
    'PGlite is one process’s embedded database: a second instance of the build needs PostgreSQL (the PostgreSQL pass of npm test runs this)',
  );
  test.setTimeout(240_000);
  const contexts: BrowserContext[] = [];
  let second = await startSecondInstance();
  try {
    // Two attendees and the stage screen on the instance that restarts; a third attendee and the moderator on the one that stays.
    const online = await attendeeRoom(
      browser,
      baseURL!,
      { email: 'restart.online@example.org', name: 'Restart Online', mode: 'online' },
      second.url,
    );
    const bangkok = await attendeeRoom(
      browser,
      baseURL!,
      { email: 'restart.bangkok@example.org', name: 'Restart Bangkok', mode: 'in_person', venue: 'bangkok' },
      second.url,
    );
    const third = await attendeeRoom(browser, baseURL!, { email: 'restart.third@example.org', name: 'Restart Third', mode: 'online' });
    contexts.push(online.context, bangkok.context, third.context);
    const moderatorContext = await contextFor(browser, 'organiser', 'en', baseURL!);
    contexts.push(moderatorContext);
    const moderator = await moderatorContext.newPage();
    await moderator.goto(`/live/moderate/${seededIds().sessionId}`);
    await moderator.getByLabel(/Screen name/).fill('Restart hall');
    await moderator.getByRole('button', { name: 'Make a stage link' }).click();
    const stagePath = await moderator.getByTestId('stage-link').filter({ hasText: 'Restart hall' }).getByRole('link').getAttribute('href');
    const stageContext = await browser.newContext({ baseURL: second.url });
    await stageContext.addInitScript(recordEventIds);
    contexts.push(stageContext);
    const stage = await stageContext.newPage();
    await stage.goto(stagePath!);
    await expect(stage.getByTestId('stage-highlight')).toBeVisible();

    const approve = async (text: string) =>
      moderator.getByTestId('section-pending').getByTestId('question').filter({ hasText: text }).getByTestId('moderate-approve').click();
    const before = ['Restart: before the stop, from online?', 'Restart: before the stop, from Bangkok?'];
    await ask(online.page, before[0]!);
    await ask(bangkok.page, before[1]!);
    for (const text of before) await approve(text);
    for (const page of [online.page, bangkok.page])
      for (const text of before) await expect(page.getByTestId('question').filter({ hasText: text })).toHaveCount(1);

    // Each page's reconnect: the Last-Event-ID it sends.
    const resumed = new Map<Page, string[]>();
    for (const page of [online.page, bangkok.page, stage])
      page.on('request', (request) => {
        if (!request.url().includes('/api/v1/live/')) return;
        void request.allHeaders().then((headers) => resumed.set(page, [...(resumed.get(page) ?? []), headers['last-event-id'] ?? '']));
      });
    // Every viewer gets every event of the room (as a removal when it may not see it): wait until all three have the same last one.
    const lastIds = async () => Promise.all([online.page, bangkok.page, stage].map(async (page) => Math.max(0, ...(await eventIds(page)))));
    await expect.poll(async () => new Set(await lastIds()).size).toBe(1);
    const lastBefore = new Map<Page, number>();
    for (const page of [online.page, bangkok.page, stage]) lastBefore.set(page, Math.max(0, ...(await eventIds(page))));
    expect(lastBefore.get(stage)).toBeGreaterThan(0);

    // SIGTERM: the instance ends its live streams at once and stops, well within its 15 s grace.
    const stopping = Date.now();
    await second.stop();
    expect(await second.exited).toBe(0);
    expect(Date.now() - stopping, 'the stop waits for no live stream').toBeLessThan(5_000);
    await expect(online.page.getByTestId('feed-status')).toHaveAttribute('data-status', 'reconnecting');

    // While it is down, the room goes on through the other instance.
    const during = 'Restart: asked while the other instance was down?';
    await ask(third.page, during);
    await approve(during);
    const thirdsView = third.page.getByTestId('question').filter({ hasText: before[1]! });
    await thirdsView.getByTestId('upvote').click();
    await expect(thirdsView.getByTestId('upvote')).toHaveText('Upvoted');
    await moderator
      .getByTestId('section-approved')
      .getByTestId('question')
      .filter({ hasText: before[0]! })
      .getByTestId('moderate-highlight')
      .click();

    second = await startSecondInstance();
    for (const page of [online.page, bangkok.page])
      await expect(page.getByTestId('feed-status')).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
    // Every question once, the upvote and the highlight made while it was down included.
    const all = [...before, during];
    for (const page of [online.page, bangkok.page]) {
      for (const text of all) await expect(page.getByTestId('question').filter({ hasText: text })).toHaveCount(1);
      await expect(page.getByTestId('question').filter({ hasText: /^Restart: / })).toHaveCount(all.length);
      await expect(page.getByTestId('question').filter({ hasText: before[1]! }).getByTestId('votes')).toHaveText('1 upvote');
    }
    await expect(stage.getByTestId('stage-highlight')).toContainText(before[0]!, { timeout: 30_000 });

    // After the restart the restarted instance takes questions again, and the other instance's pages see them.
    const after = 'Restart: asked on the restarted instance?';
    await ask(bangkok.page, after);
    await approve(after);
    await expect(third.page.getByTestId('question').filter({ hasText: after })).toHaveCount(1);
    await expect(online.page.getByTestId('question').filter({ hasText: after })).toHaveCount(1);

    for (const page of [online.page, bangkok.page, stage]) {
      const ids = await eventIds(page);
      expect(new Set(ids).size, 'no event delivered twice').toBe(ids.length);
      expect(ids, 'events in order').toEqual([...ids].sort((a, b) => a - b));
      // The first reconnect named the last event seen before the stop, and the events after it arrived.
      const sent = (resumed.get(page) ?? []).filter(Boolean);
      expect(sent[0], 'the reconnect sends Last-Event-ID').toBe(String(lastBefore.get(page)));
      expect(ids.some((id) => id > lastBefore.get(page)!)).toBe(true);
    }
  } finally {
    for (const context of contexts) await context.close();
    await second.stop();
  }
});
