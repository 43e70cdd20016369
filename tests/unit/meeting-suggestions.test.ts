// Suggested matches are explainable: each comes with the reasons that scored it, and nothing without one is suggested.
import { describe, expect, it } from 'vitest';
import { scoreCandidate, suggest, words } from '@/lib/meetings/suggestions';

const seeker = { sectors: ['big-health', 'digital-technology'], country: 'TH', interests: 'Rapid diagnostics for rural clinics' };

describe('meeting suggestions', () => {
  it('scores shared sectors (2 each), a listing looking for partners in the seeker’s country (1) and shared words (1 each, at most 3)', () => {
    const s = scoreCandidate(seeker, {
      key: 'listing:a',
      sectors: ['big-health', 'marine'],
      countries: ['TH', 'VN'],
      text: 'Rapid diagnostics kit for clinics and rural hospitals',
    });
    expect(s.reasons).toEqual([
      { kind: 'sector', sector: 'big-health' },
      { kind: 'country', country: 'TH' },
      { kind: 'word', word: 'rapid' },
      { kind: 'word', word: 'diagnostics' },
      { kind: 'word', word: 'clinics' },
    ]);
    expect(s.score).toBe(2 + 1 + 3);
  });

  it('suggests only candidates with a reason, best first, at most five', () => {
    const candidates = [
      { key: 'person:none', sectors: ['marine'], countries: [], text: 'ships' },
      { key: 'person:one', sectors: ['big-health'], countries: [], text: '' },
      { key: 'person:two', sectors: ['big-health', 'digital-technology'], countries: [], text: '' },
      ...Array.from({ length: 6 }, (_, i) => ({ key: `listing:${i}`, sectors: [], countries: ['TH'], text: '' })),
    ];
    const result = suggest(seeker, candidates);
    expect(result.map((r) => r.key)).toEqual(['person:two', 'person:one', 'listing:0', 'listing:1', 'listing:2']);
    expect(result.every((r) => r.reasons.length > 0)).toBe(true);
  });

  it('reads words in scripts without spaces as whole runs', () => {
    expect(words('快速诊断 试剂盒')).toEqual(new Set(['快速诊断', '试剂盒']));
    expect(words('AI for all')).toEqual(new Set());
  });
});
