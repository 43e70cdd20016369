import type { Db } from '@/db/types';
import { log } from '@/lib/observability/log';
import { loadPublicAgenda } from './load';
import { followProgrammeChanges, instanceId } from './programme-changes';
import type { AgendaSession } from './agenda-session';
import { seatsLeft, type PublicAgenda } from './public-agenda';
import { venueAgendas, type AgendaFilter } from './venue-agenda';

/**
 * The sessions JSON of GET /api/v1/events/{slug}/sessions, served from a snapshot of the published
 * programme instead of rebuilding it on every request. A snapshot holds, per event, the programme as
 * read once, and per filter (venue, track, kind, language, day, text) the answer already serialised
 * around the one live figure, seats left, which is read per request (a registration must show at
 * once). It is built once per published version and filter, and dropped when the programme changes:
 * at once on the instance that publishes (publishAgenda, refreshPublicProgramme) and on every other
 * instance through PostgreSQL LISTEN/NOTIFY (lib/agenda/programme-changes.ts). A snapshot older
 * than MAX_AGE_MS is rebuilt anyway, in case a notification was lost with its connection before the
 * hub noticed.
 */

const MAX_AGE_MS = 30_000;
/** Filters kept per event; free-text searches beyond it are answered without being kept. */
const MAX_FILTERS = 256;
/** Stands for seats left in the serialised answer; split on, then filled in per request. */
const SEATS_MARK = -7_777_777;
const SEATS_FIELD = `"seatsLeft":${SEATS_MARK}`;

type Piece = { sessionId: string; before: string; after: string };
/** How one session is shown (lib/api/serialize.ts's sessionJson): must carry `seatsLeft` as given. */
export type SessionSerializer = (agenda: PublicAgenda, session: AgendaSession, seatsLeft: number) => unknown;
type Snapshot = {
  agenda: PublicAgenda;
  builtAt: number;
  answers: Map<string, Piece[]>;
};

type State = {
  snapshots: Map<string, Promise<Snapshot | undefined>>;
  /** Bumped on every drop: a build that began before a drop is not kept. */
  generation: Map<string, number>;
  allGeneration: number;
  builds: number;
  following?: ReturnType<typeof followProgrammeChanges>;
  listening: boolean;
};

const KEY = Symbol.for('hybrid-forum.sessions-snapshot');

function state(): State {
  const holder = globalThis as { [KEY]?: State };
  holder[KEY] ??= { snapshots: new Map(), generation: new Map(), allGeneration: 0, builds: 0, listening: false };
  return holder[KEY];
}

/** Drops the snapshot of one event, or of every event. */
export function dropSessionsSnapshots(eventSlug?: string): void {
  const s = state();
  if (eventSlug === undefined) {
    s.snapshots.clear();
    s.allGeneration += 1;
    return;
  }
  s.snapshots.delete(eventSlug);
  s.generation.set(eventSlug, (s.generation.get(eventSlug) ?? 0) + 1);
}

/** How many programme snapshots this process has built (tests count builds per version). */
export function sessionsSnapshotBuilds(): number {
  return state().builds;
}

/** Follows programme changes from every instance once per process; until it listens, nothing is kept. */
function follow(s: State): void {
  if (s.following) return;
  // This instance's own announcements are already applied: every path that announces drops locally
  // after its commit (publishAgenda, refreshPublicProgramme), and a second drop would build twice.
  s.following = followProgrammeChanges((slug, from) => {
    if (from !== instanceId()) dropSessionsSnapshots(slug);
  });
  s.following.listening.then(
    () => {
      s.listening = true;
    },
    (error) => {
      log().warn({ err: error }, 'sessions snapshot: not following programme changes; answers are rebuilt per request');
      s.following = undefined;
    },
  );
}

function generationOf(s: State, slug: string): string {
  return `${s.allGeneration}:${s.generation.get(slug) ?? 0}`;
}

async function snapshotOf(slug: string): Promise<Snapshot | undefined> {
  const s = state();
  follow(s);
  const kept = s.snapshots.get(slug);
  if (kept) {
    const snapshot = await kept;
    if (!snapshot || Date.now() - snapshot.builtAt < MAX_AGE_MS) return snapshot;
    if (s.snapshots.get(slug) === kept) s.snapshots.delete(slug);
  }
  const generation = generationOf(s, slug);
  const building = (async () => {
    const agenda = await loadPublicAgenda(slug);
    s.builds += 1;
    return agenda ? { agenda, builtAt: Date.now(), answers: new Map() } : undefined;
  })();
  // Kept only while listening for changes; a failed build or an unknown forum is not kept.
  if (s.listening && generationOf(s, slug) === generation) {
    s.snapshots.set(slug, building);
    building.then(
      (snapshot) => {
        if (!snapshot || generationOf(s, slug) !== generation) {
          if (s.snapshots.get(slug) === building) s.snapshots.delete(slug);
        }
      },
      () => {
        if (s.snapshots.get(slug) === building) s.snapshots.delete(slug);
      },
    );
  }
  return building;
}

function filterKey(filter: AgendaFilter): string {
  return JSON.stringify([filter.venue, filter.segment, filter.kind, filter.language, filter.day, filter.q]);
}

/** The answer for one filter, serialised once, with a gap for seats left in each session. */
function piecesOf(snapshot: Snapshot, filter: AgendaFilter, serialize: SessionSerializer): Piece[] {
  const key = filterKey(filter);
  const kept = snapshot.answers.get(key);
  if (kept) return kept;
  const { agenda } = snapshot;
  const ids = new Set(venueAgendas(agenda, filter).map((e) => e.session.id));
  const pieces = agenda.sessions
    .filter((session) => ids.has(session.id))
    .map((session) => {
      const text = JSON.stringify(serialize(agenda, session, SEATS_MARK));
      const at = text.indexOf(SEATS_FIELD);
      if (at < 0) throw new Error('sessions snapshot: seats field not found');
      return { sessionId: session.id, before: text.slice(0, at), after: text.slice(at + SEATS_FIELD.length) };
    });
  if (snapshot.answers.size < MAX_FILTERS) snapshot.answers.set(key, pieces);
  return pieces;
}

/** The published programme of `slug` as this process holds it (undefined: no such published forum). */
export async function publishedProgramme(slug: string): Promise<PublicAgenda | undefined> {
  return (await snapshotOf(slug))?.agenda;
}

/**
 * The body of the sessions JSON for `filter`, with today's seats left, or undefined when the forum is
 * not published. `filter.venue` must be one of the programme's venues (the route checks it first).
 */
export async function sessionsJsonBody(
  db: Db,
  slug: string,
  filter: AgendaFilter,
  serialize: SessionSerializer,
): Promise<string | undefined> {
  const snapshot = await snapshotOf(slug);
  if (!snapshot) return undefined;
  const pieces = piecesOf(snapshot, filter, serialize);
  const seats = await seatsLeft(db, snapshot.agenda.event.id);
  let body = '{"sessions":[';
  for (const [i, piece] of pieces.entries()) {
    body += `${i ? ',' : ''}${piece.before}"seatsLeft":${JSON.stringify(seats.get(piece.sessionId) ?? null)}${piece.after}`;
  }
  return `${body}]}`;
}
