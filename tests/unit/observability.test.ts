// The pieces of /metrics and the request id that need no server: route labels (bounded, never the
// path), who may read the metrics, and which offered request ids are kept.
import { describe, expect, it } from 'vitest';
import { mayReadMetrics } from '@/lib/observability/metrics-access';
import { requestIdFor } from '@/lib/observability/request-id';
import { routeLabeler } from '@/lib/observability/route-label';

const routes = [
  '/[locale]/events/[slug]/agenda',
  '/[locale]/events/[slug]/agenda/filtered',
  '/[locale]/events/[slug]',
  '/[locale]/manage/[token]',
  '/[locale]/admin/events/new',
  '/[locale]/admin/events/[slug]',
  '/[locale]/[...missing]',
  '/api/v1/events/[slug]/registrations',
  '/api/v1/stream/[token]',
  '/api/[...missing]',
  '/api/health',
  '/metrics',
];
const routeOf = routeLabeler(routes, ['en', 'zh']);

describe('route labels for metrics', () => {
  it('names the route of the build, with or without a language prefix', () => {
    expect(routeOf('/events/china-asean-tech-forum/agenda')).toBe('/events/[slug]/agenda');
    expect(routeOf('/zh/events/china-asean-tech-forum/agenda')).toBe('/events/[slug]/agenda');
    expect(routeOf('/events/x/agenda/filtered')).toBe('/events/[slug]/agenda/filtered');
    expect(routeOf('/events/x')).toBe('/events/[slug]');
    expect(routeOf('/manage/HF1.abc.def')).toBe('/manage/[token]');
    expect(routeOf('/api/v1/stream/abc')).toBe('/api/v1/stream/[token]');
    expect(routeOf('/api/health')).toBe('/api/health');
    expect(routeOf('/metrics')).toBe('/metrics');
  });

  it('prefers a static segment to a dynamic one, and a single one to a catch-all', () => {
    expect(routeOf('/admin/events/new')).toBe('/admin/events/new');
    expect(routeOf('/admin/events/some-forum')).toBe('/admin/events/[slug]');
    expect(routeOf('/api/v1/events/x/registrations')).toBe('/api/v1/events/[slug]/registrations');
    expect(routeOf('/api/nothing/here')).toBe('/api/[...missing]');
  });

  it('a flood of random addresses adds no label beyond the routes of the build', () => {
    const labels = new Set(Array.from({ length: 500 }, (_, i) => routeOf(`/${i.toString(36)}/${'x'.repeat(i % 7)}?q=${i}`.split('?')[0]!)));
    for (const label of labels) expect([...routes.map((r) => r.replace('/[locale]', '')), '/_next', 'unmatched']).toContain(label);
    expect(routeOf('/_next/static/chunks/abc.js')).toBe('/_next');
    expect(routeLabeler([], ['en'])('/events/x')).toBe('unmatched');
  });

  it('labels a path asked again the same, however many other paths came between', () => {
    const fresh = routeLabeler(routes, ['en', 'zh']);
    for (let round = 0; round < 3; round++) {
      expect(fresh('/events/forum/agenda')).toBe('/events/[slug]/agenda');
      expect(fresh('/zh/manage/HF1.x')).toBe('/manage/[token]');
      for (let i = 0; i < 1500; i++) expect(fresh(`/events/e${round}-${i}`)).toBe('/events/[slug]');
      expect(fresh('/api/health')).toBe('/api/health');
    }
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'metrics-token-0123456789';
  it('without a token: the machine itself only (by the address the server worked out)', () => {
    expect(mayReadMetrics({ authorization: null, clientAddress: '127.0.0.1' }, undefined)).toBe(true);
    expect(mayReadMetrics({ authorization: null, clientAddress: '::1' }, undefined)).toBe(true);
    expect(mayReadMetrics({ authorization: null, clientAddress: '203.0.113.9' }, undefined)).toBe(false);
    expect(mayReadMetrics({ authorization: null, clientAddress: null }, undefined)).toBe(false);
  });
  it('with a token: its bearer only, wherever they are; the machine itself needs it too', () => {
    expect(mayReadMetrics({ authorization: `Bearer ${TOKEN}`, clientAddress: '203.0.113.9' }, TOKEN)).toBe(true);
    expect(mayReadMetrics({ authorization: `Bearer ${TOKEN}x`, clientAddress: '203.0.113.9' }, TOKEN)).toBe(false);
    expect(mayReadMetrics({ authorization: 'Bearer metrics-token-0123456788', clientAddress: '127.0.0.1' }, TOKEN)).toBe(false);
    expect(mayReadMetrics({ authorization: null, clientAddress: '127.0.0.1' }, TOKEN)).toBe(false);
  });
});

describe('request ids', () => {
  it("keeps a load balancer's id, replaces anything else with a fresh one", () => {
    expect(requestIdFor('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(requestIdFor(['req-00000001', 'other'])).toBe('req-00000001');
    for (const offered of [undefined, '', 'short', 'has space in it', 'line\nbreak-000000', 'x'.repeat(65), '<script>alert(1)</script>']) {
      const id = requestIdFor(offered);
      expect(id).not.toBe(offered);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
