import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { matrixAccounts, PASSWORD } from './fixtures';
import { seededIds } from './support/seeded-ids';

/** React's own encoder of server action arguments (what the browser sends). */
async function encodeReply(value: unknown): Promise<string | FormData> {
  const client = 'next/dist/compiled/react-server-dom-webpack/client.node.js';
  const { encodeReply: encode } = (await import(client)) as { encodeReply: (value: unknown) => Promise<string | FormData> };
  return encode(value);
}

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

type ManifestAction = { exportedName: string; filename: string; workers: Record<string, unknown> };

function actionManifest(): Record<string, ManifestAction> {
  return (
    JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, ManifestAction>;
    }
  ).node;
}

/** The ids Next.js gave the server actions in this build, by exported name. */
function actionIds(): Map<string, string> {
  return new Map(Object.entries(actionManifest()).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/** A page whose bundle carries the action (Next.js answers 409 to an action posted to another page). */
function actionPages(): Map<string, string> {
  return new Map(
    Object.values(actionManifest()).map((entry) => [
      `${entry.filename}#${entry.exportedName}`,
      Object.keys(entry.workers)[0]!.replace(/\/page$/, ''),
    ]),
  );
}

test('every organiser page and route refuses anonymous users, attendees, speakers, organisers of another event, and check-in staff outside check-in', async ({
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
    `${base}/agenda/venues/${seededIds().venueId}`,
    `${base}/agenda/speakers/${seededIds().speakerId}`,
    `${base}/agenda/speakers`,
    `${base}/agenda/speakers/new`,
    `${base}/registrations`,
    `${base}/registrations/${registrationId}`,
    `${base}/registrations/announce`,
    `${base}/mail`,
    ...(mailId ? [`${base}/mail/${mailId}`] : []),
    `${base}/audit`,
    `${base}/streams`,
    `${base}/settings`,
    // Creating an event is a platform role's (the demo organiser holds it); to anyone else it does not exist.
    '/admin/events/new',
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

/**
 * Every server action under app/[locale]/admin, from the build's manifest, checked against the source
 * (a new action is covered without editing this test), called over HTTP as Next.js encodes a call:
 * POST to its page with `Next-Action: <id>` and the arguments as a reply body (JSON, or multipart when
 * an argument is a FormData: field "0" holds the arguments with "$K1" standing for the form, whose
 * fields follow as "1_<name>").
 */
function adminActionCalls(ids: Map<string, string>) {
  const adminRoot = path.join(process.cwd(), 'app', '[locale]', 'admin');
  const source = (fs.readdirSync(adminRoot, { recursive: true }) as string[])
    .filter((file) => /(^|\/)actions\.ts$/.test(file))
    .flatMap((file) =>
      [...fs.readFileSync(path.join(adminRoot, file), 'utf8').matchAll(/export async function (\w+)\(([^)]*)\)/g)].map((m) => ({
        key: `app/[locale]/admin/${file}#${m[1]}`,
        dir: path.dirname(`app/[locale]/admin/${file}`),
        params: m[2]!
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      })),
    );
  const built = [...ids.keys()].filter((key) => key.startsWith('app/[locale]/admin/'));
  return { source, built };
}

test('every admin server action refuses everyone but the event’s organisers at the time of the request, writes nothing, and refuses a foreign Origin', async ({
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
    titleEn: 'Matrix probe',
    titleZh: '',
    descriptionEn: '',
    descriptionZh: '',
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
    if (name === 'roomId') return '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';
    if (name === 'email') return form.email;
    if (name === 'input') return { code: 'HF1.x.y' };
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
      .replace('[speakerId]', seeded.speakerId);
  };
  const calls = source.map(({ key, dir, params }) => ({
    key,
    page: pageOf(key),
    args: params.map((p) => argument(p, dir)),
    hasForm: params.some((p) => p.endsWith('FormData')),
  }));
  // The arguments encoded by React's own encodeReply, as the browser sends them.
  const invoke = async (client: APIRequestContext, call: (typeof calls)[number], origin = baseURL!) => {
    const headers = { 'Next-Action': ids.get(call.key)!, Origin: origin, Accept: 'text/x-component' };
    const args = call.args.map((a) => {
      if (a !== form) return a;
      const data = new FormData();
      for (const [name, value] of Object.entries(form)) data.append(name, value);
      return data;
    });
    const encoded = await encodeReply(args);
    if (typeof encoded === 'string')
      return client.post(call.page, {
        headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
        data: encoded,
        maxRedirects: 0,
      });
    const multipart: Record<string, string> = {};
    encoded.forEach((value, name) => (multipart[name] = String(value)));
    return client.post(call.page, { headers, multipart, maxRedirects: 0 });
  };

  // What a refused call could have written: the audit log, the mail, the registrations, the agenda.
  const state = async () => ({
    // Reading the export is audited itself (registration.export): every other entry counts.
    audit: ((await (await organiser.get(`${base}/audit`)).text()).match(/data-action="(?!registration\.export")/g) ?? []).length,
    registrations: await (await organiser.get(`${base}/registrations/export.csv`)).text(),
    mail: (await (await organiser.get(`${base}/mail`)).text()).includes('Matrix probe'),
    agenda: (await (await organiser.get(`${base}/agenda`)).text()).includes('Matrix probe'),
  });
  const before = await state();

  // Every call that was not refused as it should be, all listed at once.
  const notRefused: string[] = [];
  for (const role of ['anonymous', 'attendee', 'speaker', 'otherOrganiser', 'checkin'] as const) {
    const client = await clientFor(browser, role);
    for (const call of calls) {
      if (role === 'checkin' && call.key.includes('/checkin/')) continue;
      const response = await invoke(client, call);
      const body = await response.text();
      const redirect = response.headers()['x-action-redirect'] ?? '';
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
