import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { matrixAccounts, PASSWORD } from './fixtures';

const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;

type Role = 'anonymous' | 'attendee' | 'speaker' | 'otherOrganiser' | 'checkin' | 'organiser';
const credentials: Record<Exclude<Role, 'anonymous'>, { email: string; password: string }> = {
  attendee: { email: matrixAccounts.attendee, password: PASSWORD },
  speaker: { email: matrixAccounts.speaker, password: PASSWORD },
  otherOrganiser: { email: matrixAccounts.otherOrganiser, password: PASSWORD },
  checkin: { email: 'checkin.bangkok@forum.demo', password: 'demo-checkin-2026' },
  organiser: { email: 'organiser@forum.demo', password: 'demo-organiser-2026' },
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

/** The ids Next.js gave the server actions in this build, by exported name. */
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName: string; filename: string }> };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

test('every organiser page and route refuses anonymous users, attendees, speakers, organisers of another event, and check-in staff outside check-in', async ({ browser }) => {
  const organiser = await clientFor(browser, 'organiser');
  const secret = await organiser.post(`/api/v1/events/${slug}/registrations`, {
    data: { name: 'Matrix Secretperson', email: 'matrix.secret@example.org', organisation: 'ASEAN Foundation', country: 'ID', participantType: 'other', mode: 'online', consent: true },
  });
  expect(secret.status()).toBe(201);
  // Real ids to put in detail paths.
  const registrations = await organiser.get(`${base}/registrations/export.csv`);
  expect(registrations.status()).toBe(200);
  const sessionsJson = (await (await organiser.get(`/api/v1/events/${slug}/sessions`)).json()) as { sessions: { id: string }[] };
  const sessionId = sessionsJson.sessions[0]!.id;
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
    `${base}/agenda/speakers`,
    `${base}/agenda/speakers/new`,
    `${base}/registrations`,
    `${base}/registrations/${registrationId}`,
    `${base}/registrations/announce`,
    `${base}/mail`,
    ...(mailId ? [`${base}/mail/${mailId}`] : []),
    `${base}/audit`,
    `${base}/streams`,
    `${base}/checkin`,
  ];
  for (const page of pages) expect((await organiser.get(page)).status(), `organiser ${page}`).toBe(200);
  // The organiser does see the registrant, so the refusals below are about who asks.
  expect(await (await organiser.get(`${base}/registrations/${registrationId}`)).text()).toContain('Matrix Secretperson');

  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin'] as const) {
    const client = await clientFor(browser, role);
    for (const page of pages) {
      const response = await client.get(page, { maxRedirects: 0 });
      if (role === 'checkin' && (page.endsWith('/checkin') || page === base)) {
        // Check-in staff work the desk; the overview sends them there.
        expect([200, 307], `${role} ${page}`).toContain(response.status());
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
    const csv = await client.get(`${base}/registrations/export.csv`, { maxRedirects: 0 });
    expect(csv.status(), `${role} CSV`).toBe(role === 'anonymous' ? 401 : 403);
  }
});

test('server actions refuse everyone but the event’s organisers at the time of the request, and refuse a foreign Origin', async ({ browser, baseURL }) => {
  const ids = actionIds();
  const organiser = await clientFor(browser, 'organiser');
  const sessionsJson = (await (await organiser.get(`/api/v1/events/${slug}/sessions`)).json()) as { sessions: { id: string; slug: string }[] };
  const keynote = sessionsJson.sessions.find((s) => s.slug === 'keynote-digital-health-corridor')!.id;
  const auditBefore = await (await organiser.get(`${base}/audit`)).text();
  const rowsBefore = (auditBefore.match(/data-action=/g) ?? []).length;

  const invoke = (client: APIRequestContext, key: string, page: string, args: unknown[], origin = baseURL!) =>
    client.post(page, {
      headers: { 'Next-Action': ids.get(key)!, 'Content-Type': 'text/plain;charset=UTF-8', Origin: origin, Accept: 'text/x-component' },
      data: JSON.stringify(args),
      maxRedirects: 0,
    });
  const session = { slug: 'matrix-probe', titleEn: 'Matrix probe', titleZh: '', descriptionEn: '', descriptionZh: '', kind: 'panel', segment: 'main', venueId: '', roomId: '', date: '2026-01-01', start: '09:00', end: '10:00', capacity: '', streamed: true, livestreamUrl: '', recordingUrl: '', languages: ['en'], relayVenueIds: [], speakers: [], cancelled: false, acknowledgeConflicts: true };
  const calls: [string, string, unknown[]][] = [
    ['app/[locale]/admin/events/[slug]/agenda/actions.ts#publishAgendaAction', `${base}/agenda`, [slug]],
    ['app/[locale]/admin/events/[slug]/agenda/sessions/actions.ts#saveSessionAction', `${base}/agenda/sessions/new`, [slug, keynote, session]],
    ['app/[locale]/admin/events/[slug]/agenda/sessions/actions.ts#checkSessionAction', `${base}/agenda/sessions/new`, [slug, null, session]],
    ['app/[locale]/admin/events/[slug]/checkin/actions.ts#checkInAction', `${base}/checkin`, [slug, { code: 'HF1.x.y' }]],
  ];
  for (const [key] of calls) expect(ids.has(key), key).toBe(true);

  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin'] as const) {
    const client = await clientFor(browser, role);
    for (const [key, page, args] of calls) {
      if (role === 'checkin' && key.includes('checkin/')) continue;
      const response = await invoke(client, key, page, args);
      const body = await response.text();
      if (role === 'anonymous') expect(response.headers()['x-action-redirect'], `${role} ${key}`).toMatch(/^\/signin/);
      else expect(response.status(), `${role} ${key}`).toBe(404);
      expect(body, `${role} ${key}`).not.toContain('"ok":true');
    }
  }

  // The organiser's own session, posted from another site, is refused before the action runs.
  const foreign = await invoke(organiser, calls[0]![0], calls[0]![1], [slug], 'https://evil.example');
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(foreign.headers()['x-action-redirect']).toBeUndefined();

  // Nothing the refused calls asked for happened: no new audit entries, no new version.
  const auditAfter = await (await organiser.get(`${base}/audit`)).text();
  expect((auditAfter.match(/data-action=/g) ?? []).length).toBe(rowsBefore);
  expect(await (await organiser.get(`${base}/agenda`)).text()).not.toContain('Matrix probe');

  // The same call from the organiser, same-origin, does run: the matrix is not refusing everyone.
  const allowed = await invoke(organiser, calls[2]![0], calls[2]![1], calls[2]![2]);
  expect(allowed.status()).toBe(200);
  expect(await allowed.text()).toContain('venueId');
});
