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
 * values put in the marks' places (HTML-escaped in the HTML, as React escapes them). Waitlist places
 * stay in the key: they are part of the mail's preview text, whose padding depends on its length.
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

/** The data with per-recipient values replaced by marks, the fills that undo it; null when sharing is not safe. */
function masked(data: RegistrationMailData): Masked<RegistrationMailData, Fill[]> | null {
  const fills: Fill[] = [];
  let safe = true;
  const text = (value: string): string => {
    if (!verbatim(value)) safe = false;
    const m = mark(fills.length);
    fills.push({ mark: m, html: escapeHtml(value), text: value });
    return m;
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

const bodies = sharedShapes<RegistrationMailData, Fill[], Rendered>({
  mask: masked,
  render: (data) => renderEmail(createElement(RegistrationEmail, registrationEmailProps(data))),
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
  return bodies.render(data);
}
