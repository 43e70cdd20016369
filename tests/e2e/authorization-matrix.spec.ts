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

/**
 * Every server action under app/[locale]/admin, found in the build's manifest and checked against the
 * source (a new action is covered without editing this test), called over HTTP as Next.js encodes a
 * call: POST to its page with `Next-Action: <id>` and the arguments as a reply body (JSON, or
 * multipart when an argument is a FormData: field "0" holds the arguments with "$K1" standing for
 * the form, whose fields follow as "1_<name>").
 */
test('every admin server action refuses every role but the event’s organisers, and writes nothing', async ({ browser, baseURL }) => {
  const manifestIds = actionIds();
  const adminActions = [...manifestIds].filter(([key]) => key.startsWith('app/[locale]/admin/'));
  // The source's exported actions and the build's must be the same list.
  const adminRoot = path.join(process.cwd(), 'app', '[locale]', 'admin');
  const sourceActions = (fs.readdirSync(adminRoot, { recursive: true }) as string[])
    .filter((file) => /(^|\/)actions\.ts$/.test(file))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(adminRoot, file), 'utf8');
      return [...source.matchAll(/export async function (\w+)\(([^)]*)\)/g)].map((m) => ({ key: `app/[locale]/admin/${file}#${m[1]}`, params: m[2]!.split(',').map((p) => p.trim()).filter(Boolean) }));
    });
  expect(adminActions.map(([key]) => key).sort()).toEqual(sourceActions.map((a) => a.key).sort());
  expect(sourceActions.length).toBeGreaterThanOrEqual(15);

  const organiser = await clientFor(browser, 'organiser');
  const created = await organiser.post(`/api/v1/events/${slug}/registrations`, {
    data: { name: 'Matrix Actionperson', email: 'matrix.action@example.org', organisation: 'ASEAN Foundation', country: 'ID', participantType: 'other', mode: 'in_person', venue: 'tokyo', consent: true },
  });
  expect(created.status()).toBe(201);
  const registrationId = ((await created.json()) as { registration: { id: string } }).registration.id;
  const sessionsJson = (await (await organiser.get(`/api/v1/events/${slug}/sessions`)).json()) as { sessions: { id: string; slug: string }[] };
  const sessionId = sessionsJson.sessions.find((s) => s.slug === 'keynote-digital-health-corridor')!.id;
  const venuesJson = (await (await organiser.get(`/api/v1/events/${slug}/venues`)).json()) as { venues: { id: string; slug: string }[] };
  const venueId = venuesJson.venues.find((v) => v.slug === 'tokyo')!.id;
  const mailId = /mail\/([0-9a-f-]{36})/.exec(await (await organiser.get(`${base}/mail`)).text())![1]!;
  const speakerId = /speakers\/([0-9a-f-]{36})/.exec(await (await organiser.get(`${base}/agenda/speakers`)).text())![1]!;
  const missingRoom = '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';

  // Values by parameter name; `id` is the id of the page the action belongs to.
  const idOfPage = (dir: string) => (dir.includes('/registrations/') ? registrationId : dir.includes('/mail/') ? mailId : sessionId);
  const form = { email: 'matrix.action@example.org', confirm: 'yes', reason: 'matrix', subject: 'Matrix', body: 'Matrix probe', code: 'HF1.x.y' };
  const argument = (param: string, dir: string): unknown => {
    const [name, type] = param.split(':').map((s) => s.trim()) as [string, string];
    if (type === 'FormData') return form;
    if (name === 'slug' || name === 'eventSlug') return slug;
    if (name === 'id') return idOfPage(dir);
    if (name === 'sessionId') return sessionId;
    if (name === 'venueId') return venueId;
    if (name === 'speakerId') return speakerId;
    if (name === 'roomId') return missingRoom;
    if (name === 'email') return 'matrix.action@example.org';
    if (name === 'input') return { code: 'HF1.x.y' };
    return { slug: 'matrix-action-probe', titleEn: 'Matrix action probe', name: 'Matrix action probe' };
  };
  const pageOf = (dir: string) => {
    let at = dir;
    while (!fs.existsSync(path.join(process.cwd(), at, 'page.tsx'))) at = path.dirname(at);
    return at
      .replace(/^app\/\[locale\]/, '')
      .replace('[slug]', slug)
      .replace('[id]', idOfPage(at));
  };
  const calls = sourceActions.map(({ key, params }) => {
    const dir = path.dirname(key.split('#')[0]!);
    return { key, page: pageOf(dir), args: params.map((p) => argument(p, dir)), hasForm: params.some((p) => p.endsWith('FormData')) };
  });
  const invoke = (client: APIRequestContext, call: (typeof calls)[number]) => {
    const headers = { 'Next-Action': manifestIds.get(call.key)!, Origin: baseURL!, Accept: 'text/x-component' };
    if (!call.hasForm) return client.post(call.page, { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(call.args), maxRedirects: 0 });
    const fields = call.args.find((a) => a === form) as Record<string, string>;
    const multipart: Record<string, string> = { '0': JSON.stringify(call.args.map((a) => (a === form ? '$K1' : a))) };
    for (const [name, value] of Object.entries(fields)) multipart[`1_${name}`] = value;
    return client.post(call.page, { headers, multipart, maxRedirects: 0 });
  };

  const countOf = async (page: string, pattern: RegExp) => ((await (await organiser.get(page)).text()).match(pattern) ?? []).length;
  const before = { audit: await countOf(`${base}/audit`, /data-action=/g), mail: await (await organiser.get(`${base}/mail`)).text() };

  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin'] as const) {
    const client = await clientFor(browser, role);
    for (const call of calls) {
      if (role === 'checkin' && call.key.includes('/checkin/')) continue;
      const response = await invoke(client, call);
      const body = await response.text();
      if (role === 'anonymous') expect(response.headers()['x-action-redirect'], `${role} ${call.key}`).toMatch(/^\/signin/);
      else expect(response.status(), `${role} ${call.key}`).toBe(404);
      expect(body, `${role} ${call.key}`).not.toContain('"ok":true');
    }
  }

  // Nothing was written: no audit entry, no mail, the registration still confirmed, no probe saved.
  expect(await countOf(`${base}/audit`, /data-action=/g)).toBe(before.audit);
  expect(await (await organiser.get(`${base}/mail`)).text()).toBe(before.mail);
  expect(await (await organiser.get(`${base}/registrations/${registrationId}`)).text()).not.toMatch(/cancelled/i);
  expect(await (await organiser.get(`${base}/agenda`)).text()).not.toContain('Matrix action probe');

  // The control: the organiser is let through every one of them (whatever the action then answers).
  for (const call of calls) {
    const response = await invoke(organiser, call);
    expect(response.status(), `organiser ${call.key}`).not.toBe(404);
    expect(response.headers()['x-action-redirect'] ?? '', `organiser ${call.key}`).not.toMatch(/^\/signin/);
  }
});

test('every admin page refuses every role but the event’s organisers', async ({ browser }) => {
  const organiser = await clientFor(browser, 'organiser');
  const adminRoot = path.join(process.cwd(), 'app', '[locale]', 'admin');
  const sessionsJson = (await (await organiser.get(`/api/v1/events/${slug}/sessions`)).json()) as { sessions: { id: string }[] };
  const venuesJson = (await (await organiser.get(`/api/v1/events/${slug}/venues`)).json()) as { venues: { id: string }[] };
  const ids: Record<string, string> = {
    slug,
    venueId: venuesJson.venues[0]!.id,
    speakerId: /speakers\/([0-9a-f-]{36})/.exec(await (await organiser.get(`${base}/agenda/speakers`)).text())![1]!,
  };
  const idFor = (dir: string) =>
    dir.includes('registrations/') ? /registrations\/([0-9a-f-]{36})/.exec(ids.registrationsPage!)![1]! : dir.includes('mail/') ? /mail\/([0-9a-f-]{36})/.exec(ids.mailPage!)![1]! : sessionsJson.sessions[0]!.id;
  ids.registrationsPage = await (await organiser.get(`${base}/registrations`)).text();
  ids.mailPage = await (await organiser.get(`${base}/mail`)).text();
  const pages = (fs.readdirSync(adminRoot, { recursive: true }) as string[])
    .filter((file) => /(^|\/)page\.tsx$/.test(file))
    .map((file) => {
      const dir = path.dirname(file) === '.' ? '' : `/${path.dirname(file)}`;
      return `/admin${dir}`.replace(/\[(\w+)\]/g, (_, name: string) => (name === 'id' ? idFor(dir) : ids[name]!));
    });
  expect(pages.length).toBeGreaterThanOrEqual(19);
  for (const page of pages) expect((await organiser.get(page)).status(), `organiser ${page}`).toBe(200);
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin'] as const) {
    const client = await clientFor(browser, role);
    for (const page of pages) {
      const response = await client.get(page, { maxRedirects: 0 });
      // The event list is everyone's own (it lists the events they may work on); check-in staff work the desk.
      if (page === '/admin' && role !== 'anonymous') continue;
      if (role === 'checkin' && (page.endsWith('/checkin') || page === base)) continue;
      if (role === 'anonymous') expect(response.headers().location ?? '', `${role} ${page}`).toMatch(/^\/signin\?callbackUrl=/);
      else expect(response.status(), `${role} ${page}`).toBe(404);
    }
  }
});
