import type { LocalizedText } from '@/db/schema';
import { punctuation } from '@/lib/i18n/punctuation';
import { formatSpan } from '@/lib/format/datetime';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { AUDIT_ACTIONS, auditMessageKey, type AuditAction } from './actions';

/** The names an entry's ids and slugs stand for, read once per page (list-audit.ts). */
export type AuditLookup = {
  venues: { id: string; slug: string; name: LocalizedText; city: LocalizedText; timeZone: string }[];
  rooms: { id: string; name: LocalizedText }[];
  sessions: { id: string; title: LocalizedText }[];
  speakers: { id: string; name: string }[];
  /** The registrations the entries on the page name, as they are now (erased ones say so). */
  registrations: { id: string; name: string; email: string; erased: boolean }[];
  eventZone: string;
};

/** The words a sentence is built from that are themselves translated (messages adminAudit.*). */
export type AuditWords = {
  /** When no signed-in person is named: an account since deleted. */
  someone: string;
  online: string;
  /** A registration whose personal data the retention job erased. */
  erased: string;
  field: (key: string) => string;
  conflict: (kind: string) => string;
  /** "venue Tokyo → Online" and the like, for a registrant's own change. */
  change: (key: 'venue' | 'mode' | 'added' | 'removed', values: Record<string, string>) => string;
};

export type AuditEntryRow = {
  action: string;
  entityId: string | null;
  details: unknown;
  actorName: string | null;
  actorEmail: string | null;
};

export type AuditSentence = { key: string; values: Record<string, string | number> };

type Details = Record<string, unknown>;
type Context = { who: string; locale: Locale; lookup: AuditLookup; words: AuditWords; entityId: string | null };

const str = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);
const list = (locale: Locale, items: string[]) => new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);

function venueName(c: Context, idOrSlug: unknown): string {
  const venue = c.lookup.venues.find((v) => v.id === idOrSlug || v.slug === idOrSlug);
  return venue ? pick(venue.name, c.locale) : str(idOrSlug) || c.words.online;
}
function sessionTitle(c: Context, id: unknown, fallback: unknown = ''): string {
  return pick(c.lookup.sessions.find((s) => s.id === id)?.title, c.locale) || str(fallback);
}
function span(c: Context, startsAt: unknown, endsAt: unknown, venueId: unknown): string {
  const venue = c.lookup.venues.find((v) => v.id === venueId);
  const zone = venue?.timeZone ?? c.lookup.eventZone;
  const place = venue ? pick(venue.city, c.locale) : zone;
  return formatSpan(new Date(str(startsAt)), new Date(str(endsAt)), zone, place, c.locale);
}
function fields(c: Context, keys: string[]): string {
  return list(
    c.locale,
    keys.map((key) => c.words.field(key)),
  );
}
function acknowledged(c: Context, kinds: unknown): { hasConflicts: string; conflicts: string } {
  const all = Array.isArray(kinds) ? [...new Set(kinds.map(str))] : [];
  return {
    hasConflicts: all.length ? 'yes' : 'no',
    conflicts: list(
      c.locale,
      all.map((k) => c.words.conflict(k)),
    ),
  };
}
/**
 * "Name (address)" of the registration an entry is about: today's, from the registrations table, so
 * that erasing a registration also erases it here; older entries carry the name in their details.
 */
function person(c: Context, d: Details) {
  const row = c.lookup.registrations.find((r) => r.id === c.entityId);
  if (row?.erased) return { registrant: c.words.erased };
  const name = row?.name ?? str(d.name);
  const email = row?.email ?? str(d.email);
  return { registrant: email ? `${name} (${email})` : name || c.words.erased };
}
function changedKeys(d: Details): string[] {
  return d.changes && typeof d.changes === 'object' ? Object.keys(d.changes) : [];
}
function speakerName(c: Context, d: Details): string {
  return c.lookup.speakers.find((s) => s.id === c.entityId)?.name ?? str(d.name);
}
function roomName(c: Context, d: Details): string {
  return pick(c.lookup.rooms.find((r) => r.id === c.entityId)?.name, c.locale) || str(d.name);
}

/** A registrant's own change, as parts: "venue Tokyo → Online; added “Keynote”". */
function selfChange(c: Context, d: Details): string {
  const parts: string[] = [];
  const venue = (d.venue ?? {}) as { from?: unknown; to?: unknown };
  const mode = (d.mode ?? {}) as { from?: unknown; to?: unknown };
  const where = (m: unknown, v: unknown) => (m === 'online' ? c.words.online : venueName(c, v));
  if (venue.from !== venue.to || mode.from !== mode.to)
    parts.push(c.words.change('venue', { from: where(mode.from, venue.from), to: where(mode.to, venue.to) }));
  const titles = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => `“${sessionTitle(c, id)}”`) : []);
  const added = titles(d.added);
  const removed = titles(d.removed);
  if (added.length) parts.push(c.words.change('added', { sessions: list(c.locale, added) }));
  if (removed.length) parts.push(c.words.change('removed', { sessions: list(c.locale, removed) }));
  return parts.join(punctuation(c.locale).semicolon);
}

/** A custom question's label as it read when the entry was made, in the reader's language where it has one. */
function questionLabel(c: Context, d: Details): string {
  const label = (d.label ?? {}) as Record<string, unknown>;
  return str((c.locale === 'zh' && label.zh) || label.en);
}

/** A team role and, for a role limited to one venue, that venue. */
function teamRole(c: Context, d: Details): Record<string, string> {
  return { role: str(d.role), hasVenue: d.venueId ? 'yes' : 'no', venue: d.venueId ? venueName(c, d.venueId) : '' };
}

/**
 * The values of each action's sentence (messages adminAudit.sentences.<auditMessageKey>). A Record
 * over AuditAction: an action without its sentence does not compile.
 */
const AUDIT_SENTENCES: Record<AuditAction, (d: Details, c: Context) => Record<string, string | number>> = {
  'agenda.publish': (d) => ({
    version: num(d.version),
    changes: num(d.changes),
    registrants: num(d.registrants),
    speakers: num(d.speakers),
  }),
  'announcement.queue': (d) => ({ subject: str(d.subject), recipients: num(d.recipients) }),
  'event.create': () => ({}),
  'event.clone': (d) => ({ from: str(d.from), days: num(d.shiftedDays) }),
  'event.settings': (d, c) => ({
    fields: fields(c, Array.isArray(d.changed) ? d.changed.map(str) : []),
    shifted: num(d.shiftedSessions),
  }),
  'event.publish': () => ({}),
  'event.open-registration': () => ({}),
  'event.close-registration': () => ({}),
  'event.archive': () => ({}),
  'mail.resend': (d) => ({ subject: str(d.subject), to: str(d.to) }),
  'question.create': (d, c) => ({ label: questionLabel(c, d) }),
  'question.update': (d, c) => ({ label: questionLabel(c, d) }),
  'question.move': (d, c) => ({ label: questionLabel(c, d), direction: d.direction === 'up' ? 'up' : 'down' }),
  'question.retire': (d, c) => ({ label: questionLabel(c, d) }),
  'registration.create': (d, c) => ({
    ...person(c, d),
    mode: str(d.mode) === 'online' ? 'online' : 'in_person',
    venue: venueName(c, d.venue),
    waitlisted: d.status === 'waitlisted' ? 'yes' : 'no',
  }),
  'registration.self-change': (d, c) => ({ ...person(c, d), changes: selfChange(c, d) }),
  'registration.details.self-change': (d, c) => person(c, d),
  'registration.email.request': (d, c) => person(c, d),
  'registration.email.change': (d, c) => ({ ...person(c, d), from: str(d.from), to: str(d.to) }),
  'registration.self-cancel': (d, c) => person(c, d),
  'registration.cancel': (d, c) => ({ ...person(c, d), hasReason: d.reason ? 'yes' : 'no', reason: str(d.reason) }),
  'registration.edit': (d, c) => ({
    ...person(c, d),
    count: Array.isArray(d.changed) ? d.changed.length : 0,
    moved: d.category ? 'yes' : 'no',
  }),
  'registration.confirmation.resend': (d, c) => person(c, d),
  'registration.export': () => ({}),
  'registration.export.passport': () => ({}),
  'registration.approve': (d, c) => ({
    ...person(c, d),
    hasMessage: d.message ? 'yes' : 'no',
    message: str(d.message),
    outcome: d.outcome === 'in-line' ? 'waiting' : 'seated',
  }),
  'registration.reject': (d, c) => ({ ...person(c, d), hasMessage: d.message ? 'yes' : 'no', message: str(d.message) }),
  'category.create': (d) => ({ category: str(d.name) }),
  'category.update': (d) => ({ category: str(d.name) }),
  'delegation.create': (d) => ({ delegation: str(d.name), count: num(d.members), pending: d.pending ? 'yes' : 'no' }),
  'delegation.approve': (d) => ({ delegation: str(d.name), count: num(d.members) }),
  'delegation.check-in': (d) => ({ delegation: str(d.name), count: num(d.admitted) }),
  'delegation.member.add': (d, c) => ({ ...person(c, d), delegation: str(d.delegation) }),
  'delegation.member.change': (d, c) => ({ ...person(c, d), delegation: str(d.delegation) }),
  'delegation.member.cancel': (d, c) => ({ ...person(c, d), delegation: str(d.delegation) }),
  'category.codes.create': (d) => ({ category: str(d.name), count: num(d.count), uses: num(d.maxUses) }),
  'registration.promote': (d, c) => ({ ...person(c, d), venue: venueName(c, d.venueId), position: num(d.previousPosition) }),
  'registration.session.promote': (d, c) => ({ ...person(c, d), session: sessionTitle(c, d.sessionId), position: num(d.previousPosition) }),
  'registration.check-in': (d, c) => ({ name: person(c, d).registrant, venue: venueName(c, d.venue) }),
  'registration.check-in.undo': (d, c) => ({ name: person(c, d).registrant, venue: venueName(c, d.venue) }),
  'registration.erase': (d, c) => person(c, d),
  'retention.erase': (d) => ({ count: num(d.count), days: num(d.retentionDays) }),
  'visa.request': (d, c) => person(c, d),
  'visa.read': (d) => ({ count: num(d.count) }),
  'visa.issue': (d, c) => ({ ...person(c, d), reference: num(d.referenceNumber) }),
  'visa.refuse': (d, c) => person(c, d),
  'certificate.send': (d) => ({ count: num(d.count) }),
  'documents.update': () => ({}),
  'room.create': (d, c) => ({ name: roomName(c, d), capacity: num(d.capacity), venue: venueName(c, d.venue) }),
  'room.update': (d, c) => ({ name: roomName(c, d), venue: venueName(c, d.venue), fields: fields(c, changedKeys(d)) }),
  'room.delete': (d, c) => ({ name: str(d.name), capacity: num(d.capacity), venue: venueName(c, d.venue) }),
  'session.create': (d, c) => ({
    title: sessionTitle(c, c.entityId, d.title),
    now: span(c, d.startsAt, d.endsAt, d.venueId),
    ...acknowledged(c, d.conflictsAcknowledged),
  }),
  'session.update': (d, c) => {
    const was = (d.was ?? null) as { startsAt?: unknown; endsAt?: unknown } | null;
    const moved = was && (was.startsAt !== d.startsAt || was.endsAt !== d.endsAt);
    return {
      title: sessionTitle(c, c.entityId, d.title),
      change: d.cancelled ? 'cancelled' : moved ? 'moved' : 'edited',
      was: was ? span(c, was.startsAt, was.endsAt, d.venueId) : '',
      now: span(c, d.startsAt, d.endsAt, d.venueId),
      promoted: num(d.promoted),
      ...acknowledged(c, d.conflictsAcknowledged),
    };
  },
  'session.listings': (d, c) => ({
    title: sessionTitle(c, c.entityId, d.title ?? d.slug),
    count: Array.isArray(d.listings) ? d.listings.length : 0,
  }),
  'exhibitor.create': (d) => ({ name: str(d.name) }),
  'exhibitor.update': (d, c) => ({ name: str(d.name), fields: fields(c, changedKeys(d)) }),
  'exhibitor.approve': (d) => ({ name: str(d.name) }),
  'exhibitor.logo.update': (d) => ({ name: str(d.name) }),
  'exhibitor.logo.remove': (d) => ({ name: str(d.name) }),
  'exhibitor.staff.invite': (d) => ({ email: str(d.email), name: str(d.name) }),
  'exhibitor.staff.accept': (d) => ({ email: str(d.email) }),
  'exhibitor.staff.remove': (d) => ({ email: str(d.email), name: str(d.name) }),
  'exhibitor.staff.revoke': (d) => ({ email: str(d.email), name: str(d.name) }),
  'listing.create': (d) => ({ title: str(d.title) }),
  'listing.update': (d) => ({ title: str(d.title) }),
  'listing.publish': (d) => ({ title: str(d.title) }),
  'listing.reject': (d) => ({ title: str(d.title) }),
  'outcome.create': (d) => ({ title: str(d.title) }),
  'outcome.update': (d) => ({ title: str(d.title) }),
  'outcome.delete': (d) => ({ title: str(d.title) }),
  'meeting-slot.create': (d) => ({ label: str(d.label), tables: num(d.tables) }),
  'speaker.create': (d) => ({ name: str(d.name) }),
  'speaker.update': (d, c) => ({ name: speakerName(c, d), fields: fields(c, changedKeys(d)) }),
  'speaker.photo.update': (d, c) => ({ name: speakerName(c, d) }),
  'speaker.photo.remove': (d, c) => ({ name: speakerName(c, d) }),
  'speaker.profile.update': (d, c) => ({ name: speakerName(c, d) }),
  'stream.grant': (d) => ({ email: str(d.email) }),
  'stream.revoke': (d) => ({ email: str(d.email) }),
  'team.invite': (d, c) => ({ email: str(d.email), ...teamRole(c, d) }),
  'team.invite.accept': (d, c) => ({ email: str(d.email), ...teamRole(c, d) }),
  'team.invite.revoke': (d, c) => ({ email: str(d.email), ...teamRole(c, d) }),
  'team.member.remove': (d) => ({ email: str(d.email) }),
  'venue.create': (d, c) => ({
    name: c.lookup.venues.some((v) => v.id === c.entityId) ? venueName(c, c.entityId) : str(d.name),
    zone: str(d.timeZone),
  }),
  'venue.update': (d, c) => ({
    name: venueName(c, c.entityId),
    fields: fields(c, changedKeys(d)),
    shifted: num(d.shiftedSessions),
  }),
};

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * One audit entry as a sentence for people: its message key and values. An action this version
 * does not know (an old entry) is worded as such, with its name.
 */
export function describeAudit(row: AuditEntryRow, locale: Locale, lookup: AuditLookup, words: AuditWords): AuditSentence {
  const who = row.actorName || row.actorEmail || words.someone;
  if (!isAuditAction(row.action)) return { key: 'unknown', values: { who, action: row.action } };
  const details = (row.details && typeof row.details === 'object' ? row.details : {}) as Details;
  const values = AUDIT_SENTENCES[row.action](details, { who, locale, lookup, words, entityId: row.entityId });
  return { key: auditMessageKey(row.action), values: { who, ...values } };
}
