/**
 * Suggested people and listings to meet, from what both sides said: shared sectors (the person's
 * matchmaking sectors against another person's, a listing's sector or its exhibitor's), a listing
 * that looks for partners in the person's country, and words shared between interests and listing
 * titles. Each suggestion carries its reasons, so the page can say why; nothing external is asked.
 */
export type Reason = { kind: 'sector'; sector: string } | { kind: 'country'; country: string } | { kind: 'word'; word: string };

export type Candidate = {
  key: string;
  sectors: string[];
  /** The countries a listing looks for partners in (empty for people: anywhere). */
  countries: string[];
  text: string;
};

export type Suggestion = { key: string; score: number; reasons: Reason[] };

export type Seeker = { sectors: string[]; country: string; interests: string };

const SECTOR_WEIGHT = 2;
const COUNTRY_WEIGHT = 1;
const WORD_WEIGHT = 1;
const MAX_WORDS = 3;

/** Lower-case words of four letters or more (or any run of CJK/Thai characters, which has no spaces). */
export function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 || /[\p{Script=Han}\p{Script=Thai}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w)),
  );
}

export function scoreCandidate(seeker: Seeker, candidate: Candidate): Suggestion {
  const reasons: Reason[] = [];
  for (const sector of candidate.sectors) if (seeker.sectors.includes(sector)) reasons.push({ kind: 'sector', sector });
  if (candidate.countries.includes(seeker.country)) reasons.push({ kind: 'country', country: seeker.country });
  const mine = words(seeker.interests);
  const shared = [...words(candidate.text)].filter((w) => mine.has(w)).slice(0, MAX_WORDS);
  for (const word of shared) reasons.push({ kind: 'word', word });
  const score = reasons.reduce(
    (n, r) => n + (r.kind === 'sector' ? SECTOR_WEIGHT : r.kind === 'country' ? COUNTRY_WEIGHT : WORD_WEIGHT),
    0,
  );
  return { key: candidate.key, score, reasons };
}

/** The best `limit` candidates with a reason, highest score first (ties in the candidates' order). */
export function suggest(seeker: Seeker, candidates: Candidate[], limit = 5): Suggestion[] {
  return candidates
    .map((c) => scoreCandidate(seeker, c))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
