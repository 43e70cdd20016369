import { randomBytes } from 'node:crypto';
import { createElement } from 'react';
import { RegistrationEmail } from '@/emails/registration-email';
import { renderEmail } from '@/emails/render';
import { registrationEmailProps, type RegistrationMailData } from './registration-mail-text';

/**
 * A registration mail's HTML and text, rendered once per shape rather than once per recipient. A
 * publish wave or a registration rush mails thousands of people the same template in the same
 * language about the same sessions of the same version: what differs per recipient is their name,
 * manage link, join links and ticket short code. Those are replaced by marks, the template is
 * rendered once for everything else (the key), and each recipient's mail is that render with their
 * values put in the marks' places (HTML-escaped in the HTML, as React escapes them). Waitlist places
 * stay in the key: they are part of the mail's preview text, whose padding depends on its length.
 *
 * A value the converters would not reproduce verbatim (runs of whitespace, which HTML and the
 * plain-text converter collapse) is rendered directly; and a shape is shared only once the first
 * recipient's direct render equals the shape filled in with that recipient's values, byte for byte
 * (checked when a second recipient of the shape comes, so a shape of one costs one render). So the
 * shared path never answers differently from a direct render (tests/unit/shared-mail-render.test.ts).
 */

/** Per process: user input cannot contain it. */
const NONCE = randomBytes(6).toString('hex');
const textMark = (i: number) => `hf${NONCE}m${i}z`;

const MAX_SHAPES = 2_000;
type Rendered = { html: string; text: string };
/**
 * Per shape: its first recipient (until a second comes), then its render with the marks in place, or
 * null when filling that in was found not to match the first recipient's direct render.
 */
const shapes = new Map<string, { first: { fills: Fill[]; own: Promise<Rendered> } } | { shape: Promise<Rendered | null> }>();
const counts = { shared: 0, direct: 0 };

/** Renders so far: of shared shapes, and of mails rendered directly because sharing was not safe (tests count them). */
export function sharedRenderCounts(): { shared: number; direct: number } {
  return { ...counts };
}

type Fill = { mark: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
const verbatim = (value: string) => !/\s\s|^\s|\s$|[\r\n\t\f\v\u00a0]/.test(value);

/** The data with per-recipient values replaced by marks, the fills that undo it, and whether sharing is safe. */
function masked(data: RegistrationMailData): { shape: RegistrationMailData; fills: Fill[]; key: string } | null {
  const fills: Fill[] = [];
  let safe = true;
  const text = (value: string): string => {
    if (!verbatim(value)) safe = false;
    const mark = textMark(fills.length);
    fills.push({ mark, html: escapeHtml(value), text: value });
    return mark;
  };
  const shape: RegistrationMailData = {
    ...data,
    registrantName: text(data.registrantName),
    manageUrl: text(data.manageUrl),
    ...(data.shortCode ? { shortCode: text(data.shortCode) } : {}),
    sessions: data.sessions.map((session) => ({ ...session, joinUrl: session.joinUrl ? text(session.joinUrl) : null })),
  };
  if (!safe) return null;
  return { shape, fills, key: JSON.stringify(shape) };
}

const render = (data: RegistrationMailData) => renderEmail(createElement(RegistrationEmail, registrationEmailProps(data)));
const direct = (data: RegistrationMailData) => {
  counts.direct += 1;
  return render(data);
};

function fill(rendered: { html: string; text: string }, fills: Fill[]) {
  let { html, text } = rendered;
  for (const f of fills) {
    html = html.split(f.mark).join(f.html);
    text = text.split(f.mark).join(f.text);
  }
  return { html, text };
}

/** The mail's HTML and text: from the shared render of its shape when that is safe, else directly. */
export async function renderRegistrationBody(data: RegistrationMailData): Promise<{ html: string; text: string }> {
  const m = masked(data);
  if (!m) return direct(data);
  const kept = shapes.get(m.key);
  if (!kept) {
    // The first recipient of a shape: rendered directly, and kept to check the shape against.
    const own = direct(data);
    shapes.set(m.key, { first: { fills: m.fills, own } });
    if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
    own.catch(() => shapes.delete(m.key));
    return own;
  }
  if ('first' in kept) {
    const { first } = kept;
    counts.shared += 1;
    const checked = Promise.all([render(m.shape), first.own]).then(([shape, own]) => {
      const filled = fill(shape, first.fills);
      return filled.html === own.html && filled.text === own.text ? shape : null;
    });
    shapes.set(m.key, { shape: checked });
    checked.catch(() => shapes.delete(m.key));
    const shape = await checked;
    return shape ? fill(shape, m.fills) : direct(data);
  }
  const shape = await kept.shape;
  return shape ? fill(shape, m.fills) : direct(data);
}
