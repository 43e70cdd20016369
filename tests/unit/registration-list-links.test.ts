// What the organisers' registration pages build from the query string without the database: the
// per-day chart with its empty days, the "filter not applied" notice's label and the filters kept
// when some do not parse, links that keep the filters, the CSV download's headers, and the
// delegation form’s errors named by row; a country by its name, and a category as the public API shows it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countryName } from '@/lib/registration/admin/country-name';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { categoryJson } from '@/lib/registration/categories/api-json';
import { withEmptyDays } from '@/lib/registration/admin/dashboard';
import { filterLabelKey, filtersKeepingValid, filtersToQuery } from '@/lib/registration/admin/filters';
import { withFilters } from '@/lib/registration/admin/query-string';
import { pathErrors } from '@/lib/registration/delegations/path-errors';

describe('the per-day chart', () => {
  it('fills the days between the first and the last with zero, across a month and a year', () => {
    expect(
      withEmptyDays([
        { key: '2026-12-30', count: 2 },
        { key: '2027-01-02', count: 5 },
      ]),
    ).toEqual([
      { key: '2026-12-30', count: 2 },
      { key: '2026-12-31', count: 0 },
      { key: '2027-01-01', count: 0 },
      { key: '2027-01-02', count: 5 },
    ]);
    expect(withEmptyDays([{ key: '2027-02-28', count: 1 }])).toEqual([{ key: '2027-02-28', count: 1 }]);
    expect(withEmptyDays([])).toEqual([]);
  });

  it('stops at a year of days, however far apart the first and the last are', () => {
    const days = withEmptyDays([
      { key: '2020-01-01', count: 1 },
      { key: '2026-01-01', count: 1 },
    ]);
    expect(days).toHaveLength(366);
    expect(days[0]).toEqual({ key: '2020-01-01', count: 1 });
    expect(days.at(-1)).toEqual({ key: '2020-12-31', count: 0 });
  });
});

describe('filters from a shared link', () => {
  it('keeps every filter that parses and names each one that does not, in the words of its own check', () => {
    const kept = filtersKeepingValid({
      q: '  Chulalongkorn ',
      venue: 'Bangkok!',
      country: 'th',
      status: ['waitlisted', 'confirmed'],
      mode: 'by-boat',
      type: '',
    });
    expect(kept.filters).toEqual({
      q: 'Chulalongkorn',
      country: 'TH',
      status: 'waitlisted',
      type: undefined,
      category: undefined,
      delegation: undefined,
      question: undefined,
      answer: undefined,
    });
    expect(kept.problems).toEqual({ venue: 'venue', mode: 'mode' });
  });

  it('names each query parameter by its label, and anything else as the page', () => {
    const labels = Object.fromEntries(
      [
        'q',
        'venue',
        'mode',
        'status',
        'country',
        'type',
        'category',
        'delegation',
        'question',
        'answer',
        'sort',
        'size',
        'after',
        'toString',
      ].map((field) => [field, filterLabelKey(field)]),
    );
    expect(labels).toEqual({
      q: 'search',
      venue: 'venue',
      mode: 'mode',
      status: 'status',
      country: 'country',
      type: 'type',
      category: 'category',
      delegation: 'delegation',
      question: 'question',
      answer: 'answer',
      sort: 'sort',
      size: 'pageSize',
      after: 'page',
      toString: 'page',
    });
  });

  it('links keep the filters that are set, add the paging, and leave out what is empty', () => {
    const filters = { q: 'Siti Rahman', venue: 'bangkok', mode: undefined, status: 'waitlisted' as const };
    expect(filtersToQuery(filters)).toEqual({ q: 'Siti Rahman', venue: 'bangkok', status: 'waitlisted' });
    const base = '/admin/events/forum/registrations';
    expect(withFilters(base, filters, { size: 100, after: 'abc', before: undefined, sort: '' })).toBe(
      `${base}?q=Siti+Rahman&venue=bangkok&status=waitlisted&size=100&after=abc`,
    );
    expect(withFilters(base, filters, { venue: 'tokyo' })).toBe(`${base}?q=Siti+Rahman&venue=tokyo&status=waitlisted`);
    expect(withFilters(base, {})).toBe(base);
    expect(withFilters(base, {}, { size: 0 })).toBe(`${base}?size=0`);
  });
});

describe('a CSV download', () => {
  it('is an attachment with its name, never cached, never sniffed', async () => {
    const response = csvDownload({ filename: 'forum-registrations.csv', body: 'a,b\r\n' });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers.entries())).toEqual({
      'cache-control': 'no-store',
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="forum-registrations.csv"',
      'x-content-type-options': 'nosniff',
    });
    expect(await response.text()).toBe('a,b\r\n');
  });
});

describe('a delegation form’s errors', () => {
  it('are named by their whole path, the first for each field, and the whole list’s as members', () => {
    const members = z
      .array(z.object({ name: z.string().min(2, 'tooShort'), email: z.email('email') }))
      .min(1, 'members')
      .superRefine((list, ctx) => {
        if (list.length > 1) ctx.addIssue({ code: 'custom', path: [1, 'email'], message: 'duplicate' });
      });
    const parsed = members.safeParse([
      { name: 'Lan', email: 'lan@example.org' },
      { name: 'x', email: 'not-an-address' },
    ]);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(pathErrors(parsed.error)).toEqual({ '1.name': 'tooShort', '1.email': 'email' });
    const empty = members.safeParse([]);
    if (empty.success) throw new Error('an empty delegation parsed');
    expect(pathErrors(empty.error)).toEqual({ members: 'members' });
  });
});

describe('names and shapes the pages and the API show', () => {
  it('a country by its name in the reader’s language, and an unknown code as it is', () => {
    expect(countryName('TH', 'en')).toBe('Thailand');
    expect(countryName('TH', 'zh')).toBe('泰国');
    expect(countryName('XZ', 'en')).toBe('XZ');
  });

  it('a category in the public API names its venues by slug and leaves out one the forum no longer has', () => {
    const json = categoryJson(
      {
        id: 'c1',
        name: { en: 'Delegates' },
        description: { en: '' },
        requiresApproval: true,
        allowedModes: ['in_person'],
        allowedVenueIds: ['v-bangkok', 'v-gone', 'v-tokyo'],
        visibility: 'public',
      },
      new Map([
        ['v-tokyo', 'tokyo'],
        ['v-bangkok', 'bangkok'],
      ]),
    );
    expect(json).toEqual({
      id: 'c1',
      name: { en: 'Delegates' },
      description: { en: '' },
      visibility: 'public',
      requiresApproval: true,
      allowedModes: ['in_person'],
      allowedVenues: ['bangkok', 'tokyo'],
    });
  });
});
