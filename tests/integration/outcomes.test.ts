import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, meetings, outcomes, sessions } from '@/db/schema';
import { GET as outcomesGet } from '@/app/api/v1/events/[slug]/outcomes/route';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { exportOutcomesCsv } from '@/lib/outcomes/admin/export-outcomes';
import { listOutcomes, outcomeForEdit } from '@/lib/outcomes/admin/list-outcomes';
import { createOutcome, deleteOutcome, updateOutcome } from '@/lib/outcomes/admin/save-outcome';
import { editionFigures, eventOutcomes } from '@/lib/outcomes/public-outcomes';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;
let viewer: Actor;
let otherOrganiser: Actor;
let signingId: string;
let otherEventSessionId: string;

const OTHER = 'other-forum';

const newOutcome = (overrides: Record<string, unknown> = {}) => ({
  kind: 'mou',
  title: { en: 'MoU on a joint rice genomics laboratory', zh: '水稻基因组联合实验室合作备忘录' },
  parties: [
    { name: 'Guangxi University', country: 'cn' },
    { name: 'Kasetsart University', country: 'TH' },
  ],
  sector: 'modern-agriculture',
  signedOn: '2026-12-24',
  sessionId: signingId,
  listingId: '',
  public: true,
  ...overrides,
});

const auditCount = async (action: string) => (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).length;
const apiBody = async (slug: string) => {
  const response = await outcomesGet(new Request(`http://forum.test/api/v1/events/${slug}/outcomes`) as never, {
    params: Promise.resolve({ slug }),
  });
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.outcomes@forum.test', { eventSlug: EVENT, role: 'organiser' });
  viewer = await actorFor(t.db, 'viewer.outcomes@forum.test', { eventSlug: EVENT, role: 'viewer' });
  otherOrganiser = await actorFor(t.db, 'org.outcomes@other.test', { eventSlug: OTHER, role: 'organiser' });
  const sessionBySlug = async (event: string, slug: string) => {
    const [row] = await t.db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(events, eq(events.id, sessions.eventId))
      .where(and(eq(events.slug, event), eq(sessions.slug, slug)));
    return row!.id;
  };
  signingId = await sessionBySlug(EVENT, 'mou-signing-partnerships');
  otherEventSessionId = await sessionBySlug(OTHER, 'mou-signing-partnerships');
});
afterAll(() => t?.close());

describe('outcomes registry', () => {
  it('is created, edited and deleted by an organiser, each change audited, the same save twice recorded once', async () => {
    const created = await createOutcome(t.db, organiser, EVENT, newOutcome());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await t.db.select().from(outcomes).where(eq(outcomes.id, created.id));
    expect(row).toMatchObject({ kind: 'mou', sector: 'modern-agriculture', signedOn: '2026-12-24', sessionId: signingId, public: true });
    expect(row!.parties).toEqual([
      { name: 'Guangxi University', country: 'CN' },
      { name: 'Kasetsart University', country: 'TH' },
    ]);
    expect(await auditCount('outcome.create')).toBe(1);

    const edit = await outcomeForEdit(t.db, organiser, EVENT, created.id);
    const values = 'values' in edit ? edit.values : null;
    expect(values?.sessionId).toBe(signingId);
    expect((await updateOutcome(t.db, organiser, EVENT, created.id, values)).ok).toBe(true);
    expect(await auditCount('outcome.update')).toBe(0);
    expect((await updateOutcome(t.db, organiser, EVENT, created.id, newOutcome({ kind: 'agreement', sessionId: '' }))).ok).toBe(true);
    expect(await auditCount('outcome.update')).toBe(1);
    const [edited] = await t.db.select().from(outcomes).where(eq(outcomes.id, created.id));
    expect(edited).toMatchObject({ kind: 'agreement', sessionId: null });

    expect((await deleteOutcome(t.db, organiser, EVENT, created.id)).ok).toBe(true);
    expect(await t.db.select().from(outcomes).where(eq(outcomes.id, created.id))).toHaveLength(0);
    expect(await auditCount('outcome.delete')).toBe(1);
    // Deleting it again finds nothing, and records nothing.
    expect((await deleteOutcome(t.db, organiser, EVENT, created.id)).ok).toBe(false);
    expect(await auditCount('outcome.delete')).toBe(1);
  });

  it('refuses anyone but the organisers to write; viewers read; another event’s organiser neither', async () => {
    const created = await createOutcome(t.db, organiser, EVENT, newOutcome({ title: { en: 'Refusal probe' } }));
    if (!created.ok) throw new Error('not created');
    const before = await t.db.select().from(outcomes);
    for (const who of [viewer, otherOrganiser, null]) {
      await expect(createOutcome(t.db, who, EVENT, newOutcome())).rejects.toBeInstanceOf(AuthorizationError);
      await expect(updateOutcome(t.db, who, EVENT, created.id, newOutcome())).rejects.toBeInstanceOf(AuthorizationError);
      await expect(deleteOutcome(t.db, who, EVENT, created.id)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(outcomeForEdit(t.db, who, EVENT, created.id)).rejects.toBeInstanceOf(AuthorizationError);
    }
    // Another event's organiser cannot reach this outcome through their own event either.
    expect((await deleteOutcome(t.db, otherOrganiser, OTHER, created.id)).ok).toBe(false);
    expect((await updateOutcome(t.db, otherOrganiser, OTHER, created.id, newOutcome({ sessionId: '' }))).ok).toBe(false);
    expect(await t.db.select().from(outcomes)).toEqual(before);
    // Reading: the viewer yes (without editing), the other organiser and strangers no.
    const read = await listOutcomes(t.db, viewer, EVENT);
    expect(read.canEdit).toBe(false);
    expect(read.outcomes.map((o) => o.id)).toContain(created.id);
    await expect(listOutcomes(t.db, otherOrganiser, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(exportOutcomesCsv(t.db, null, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    await deleteOutcome(t.db, organiser, EVENT, created.id);
  });

  it('refuses bad input in words: no party, a bad country, too long, a session or listing of another event, a bad date', async () => {
    const fields = async (values: Record<string, unknown>) => {
      const result = await createOutcome(t.db, organiser, EVENT, newOutcome(values));
      expect(result.ok).toBe(false);
      return result.ok ? {} : ((result as { fields?: Record<string, string> }).fields ?? {});
    };
    expect(await fields({ parties: [] })).toHaveProperty('parties');
    expect(await fields({ parties: [{ name: 'X', country: 'ZZ' }] })).toEqual({ parties: 'country' });
    expect(await fields({ parties: [{ name: '', country: 'CN' }] })).toEqual({ parties: 'required' });
    expect(await fields({ parties: Array.from({ length: 11 }, () => ({ name: 'A', country: 'CN' })) })).toHaveProperty('parties');
    expect(await fields({ parties: [{ name: 'x'.repeat(201), country: 'CN' }] })).toEqual({ parties: 'tooLong?max=200' });
    expect(await fields({ title: { en: 'x'.repeat(201) } })).toEqual({ title: 'tooLong?max=200' });
    expect(await fields({ kind: 'handshake' })).toHaveProperty('kind');
    expect(await fields({ sector: 'space' })).toHaveProperty('sector');
    expect(await fields({ signedOn: '2026-02-30' })).toHaveProperty('signedOn');
    expect(await fields({ signedOn: '1999-12-31' })).toHaveProperty('signedOn');
    expect(await fields({ sessionId: otherEventSessionId })).toEqual({ sessionId: 'sessionUnknown' });
    expect(await fields({ listingId: crypto.randomUUID() })).toEqual({ listingId: 'choose' });
    // The words are keys of the validation messages, never "must be one of".
    expect(JSON.stringify(await fields({ kind: 'handshake' }))).not.toMatch(/must be|expected/i);
  });

  it('the database holds the bounds even without the form', async () => {
    const [event] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
    const base = { eventId: event!.id, kind: 'mou' as const, title: { en: 'x' }, sector: 'marine' as const, signedOn: '2026-12-24' };
    await expect(t.db.insert(outcomes).values({ ...base, parties: [] })).rejects.toThrow();
    await expect(
      t.db.insert(outcomes).values({ ...base, kind: 'bribe' as never, parties: [{ name: 'a', country: 'CN' }] }),
    ).rejects.toThrow();
    await expect(
      t.db.insert(outcomes).values({ ...base, title: { en: 'x'.repeat(3100) }, parties: [{ name: 'a', country: 'CN' }] }),
    ).rejects.toThrow();
  });

  it('shows public outcomes only, on the page and in the API; markup and formulas stay text', async () => {
    const hostile = '<script>alert(1)</script>';
    const secret = await createOutcome(
      t.db,
      organiser,
      EVENT,
      newOutcome({ title: { en: 'Secret talks with a confidential partner' }, public: false, sessionId: '' }),
    );
    const loud = await createOutcome(
      t.db,
      organiser,
      EVENT,
      newOutcome({
        title: { en: `${hostile} MoU` },
        parties: [{ name: '=HYPERLINK("http://evil.example","x")', country: 'MY' }],
        public: true,
      }),
    );
    expect(secret.ok && loud.ok).toBe(true);
    const page = (await eventOutcomes(t.db, EVENT))!;
    expect(JSON.stringify(page)).not.toContain('Secret talks');
    expect(page.outcomes.some((o) => o.title.en === `${hostile} MoU`)).toBe(true);
    // The demo's outcome not yet public is not here either.
    expect(JSON.stringify(page)).not.toContain('under negotiation');
    const api = await apiBody(EVENT);
    expect(api.status).toBe(200);
    expect(api.text).not.toContain('Secret talks');
    expect(api.text).not.toContain('under negotiation');
    const json = JSON.parse(api.text) as {
      outcomes: { title: { en: string }; session: { slug: string } | null }[];
      figures: { total: number };
    };
    expect(json.figures.total).toBe(page.outcomes.length);
    expect(json.outcomes.find((o) => o.title.en.startsWith(hostile))?.session?.slug).toBe('mou-signing-partnerships');
    // The organisers' CSV has both, with the formula made inert.
    const csv = (await exportOutcomesCsv(t.db, organiser, EVENT)).body;
    expect(csv).toContain('Secret talks');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") (MY)"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    // An unknown or unpublished forum answers 404, not an empty list.
    expect((await apiBody('no-such-forum')).status).toBe(404);
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.slug, OTHER));
    expect((await apiBody(OTHER)).status).toBe(404);
    await t.db.update(events).set({ status: 'published' }).where(eq(events.slug, OTHER));
  });

  it('counts by kind, country and sector, edition by edition, and the meetings held', async () => {
    const page = (await eventOutcomes(t.db, EVENT))!;
    const kinds = Object.fromEntries(page.figures.byKind.map((k) => [k.key, k.count]));
    expect(kinds['technology-transfer']).toBe(1);
    const countries = Object.fromEntries(page.figures.byCountry.map((k) => [k.key, k.count]));
    // Every public outcome of the demo has a Chinese party: CN counts each once.
    expect(countries.CN).toBe(page.outcomes.filter((o) => o.parties.some((p) => p.country === 'CN')).length);
    expect(page.meetings.accepted).toBe(0);
    const [meeting] = await t.db.select().from(meetings).limit(1);
    // The demo seeds slots but no meetings: the figures start at zero, and an accepted one counts.
    expect(meeting).toBeUndefined();
    const { editions, totals } = await editionFigures(t.db);
    expect(editions.map((e) => e.slug).sort()).toEqual([EVENT, OTHER].sort());
    expect(totals.total).toBe(editions.reduce((n, e) => n + e.figures.total, 0));
    expect(editions.find((e) => e.slug === OTHER)!.figures.total).toBe(3);
  });
});
