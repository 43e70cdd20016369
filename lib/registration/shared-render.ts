import { createElement } from 'react';
import { RegistrationEmail } from '@/emails/registration-email';
import { renderEmail } from '@/emails/render';
import { type Masked, markMaker, replaceMarks, sharedShapes } from '@/lib/format/shared-shapes';
import { registrationEmailProps, type RegistrationMailData } from './registration-mail-text';

/**
 * A registration mail's HTML and text, rendered once per shape rather than once per recipient. A
 * publish wave or a registration rush mails thousands of people the same template in the same
 * language about the same sessions of the same version: what differs per recipient is their name,
 * manage link, join links and ticket short code. Those are replaced by marks, the template is
 * rendered once for everything else (the key), and each recipient's mail is that render with their
 * values put in the marks' places (HTML-escaped in the HTML, as React escapes them), places in line
 * included.
 *
 * A value the converters would not reproduce verbatim (runs of whitespace, which HTML and the
 * plain-text converter collapse) is rendered directly. The byte-for-byte check that keeps the shared
 * path's answers the direct render's is lib/format/shared-shapes.ts's (tests/unit/shared-mail-render.test.ts).
 */

const mark = markMaker();

type Rendered = { html: string; text: string };
type Fill = { mark: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
const verbatim = (value: string) => !/\s\s|^\s|\s$|[\r\n\t\f\v\u00a0]/.test(value);

/**
 * A mail to render: its data, and for a shape the marks that stand for its places in line (slot n's
 * at n - 1; a place that is no slot, the 0 of a lead without one, is written as its digits).
 */
type MailToRender = { data: RegistrationMailData; places?: readonly string[] };

/** Private-use characters: place marks are runs of them, so a mail holding any cannot share. */
const PLACE_MARK_CHARS = /[\ue000-\uf8ff]/;

/**
 * The data with per-recipient values replaced by marks, the fills that undo it; null when sharing is
 * not safe. Places in line are marks too, each as long as the place's digits (a run of one private-use
 * character per slot): the lead is the mail's preview, which is padded or cut to 150 characters, so a
 * mark of another length would change the mail.
 */
function masked(data: RegistrationMailData): Masked<MailToRender, Fill[]> | null {
  if (PLACE_MARK_CHARS.test(JSON.stringify(data))) return null;
  const fills: Fill[] = [];
  let safe = true;
  const text = (value: string): string => {
    if (!verbatim(value)) safe = false;
    const m = mark(fills.length);
    fills.push({ mark: m, html: escapeHtml(value), text: value });
    return m;
  };
  const places: string[] = [];
  const slots = new Map<number, number>();
  const place = (position: number): number => {
    let slot = slots.get(position);
    if (slot === undefined) {
      slot = places.length + 1;
      slots.set(position, slot);
      const digits = String(position);
      const placeMark = String.fromCharCode(0xe000 + slot).repeat(digits.length);
      places.push(placeMark);
      fills.push({ mark: placeMark, html: digits, text: digits });
    }
    return slot;
  };
  const { attendance } = data;
  const shape: RegistrationMailData = {
    ...data,
    registrantName: text(data.registrantName),
    manageUrl: text(data.manageUrl),
    ...(data.shortCode ? { shortCode: text(data.shortCode) } : {}),
    ...(data.categoryPosition !== undefined ? { categoryPosition: place(data.categoryPosition) } : {}),
    attendance:
      attendance.mode === 'in_person' && attendance.waitlistPosition
        ? { ...attendance, waitlistPosition: place(attendance.waitlistPosition) }
        : attendance,
    sessions: data.sessions.map((session) => ({
      ...session,
      joinUrl: session.joinUrl ? text(session.joinUrl) : null,
      seat: session.seat?.status === 'waitlisted' ? { ...session.seat, position: place(session.seat.position) } : session.seat,
    })),
  };
  if (!safe || places.length > 0x1800) return null;
  return { shape: { data: shape, places }, fills, key: JSON.stringify([shape, places]) };
}

const bodies = sharedShapes<MailToRender, Fill[], Rendered>({
  mask: (input) => masked(input.data),
  render: ({ data, places }) =>
    renderEmail(
      createElement(RegistrationEmail, registrationEmailProps(data, places ? (position) => places[position - 1] ?? position : undefined)),
    ),
  fill: (rendered, fills) => ({
    html: replaceMarks(
      rendered.html,
      fills.map((f) => [f.mark, f.html] as const),
    ),
    text: replaceMarks(
      rendered.text,
      fills.map((f) => [f.mark, f.text] as const),
    ),
  }),
  same: (a, b) => a.html === b.html && a.text === b.text,
});

/** Renders so far: of shared shapes, and of mails rendered directly because sharing was not safe (tests count them). */
export function sharedRenderCounts(): { shared: number; direct: number } {
  return bodies.counts();
}

/** The mail's HTML and text: from the shared render of its shape when that is safe, else directly. */
export function renderRegistrationBody(data: RegistrationMailData): Promise<Rendered> {
  return bodies.render({ data });
}
