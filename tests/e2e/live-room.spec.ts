import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { useMailbox } from './mailbox';
import { contextFor, seededIds } from './support/page-inventory';

const mailbox = useMailbox();

/** Registers through the public API and opens the live room from the registration page the mail links to. */
async function attendeeRoom(
  browser: Browser,
  baseURL: string,
  person: { email: string; name: string; mode: 'online' | 'in_person'; venue?: string },
) {
  const { slug, sessionId } = seededIds();
  const context = await browser.newContext({ baseURL });
  const response = await context.request.post(`/api/v1/events/${slug}/registrations`, {
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
  await expect(page.getByTestId('feed-status')).toHaveAttribute('data-status', 'live');
  return { context, page };
}

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
