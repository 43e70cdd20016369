// What a calendar file may carry, whatever is in the database: rows written before the forms
// refused control characters, or by hand, must still give a file every calendar app can read.
// The ics package escapes only LF and CRLF, so a bare CR (or a C1 control, or U+2028) would pass
// through it into a line of the file.

const LINE_BREAKS = /\r\n?|[\n\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text with paragraphs (DESCRIPTION): every kind of line break becomes LF, which the writer escapes as \n; other controls go. */
export function calendarText(value: string): string {
  return value
    .replace(LINE_BREAKS, '\n')
    .split('\n')
    .map((line) => line.replace(CONTROLS, '').replace(/\t/g, ' '))
    .join('\n');
}

/** One line (SUMMARY, LOCATION, a calendar's name): line breaks become spaces, other controls go. */
export function calendarLine(value: string): string {
  return calendarText(value)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * A parameter value such as an attendee's CN. It is written inside double quotes, which it may not
 * contain itself (RFC 5545 §3.2); RFC 6868 spells a quote as ^' and a caret as ^^.
 */
export function calendarParam(value: string): string {
  return calendarLine(value).replace(/\^/g, '^^').replace(/"/g, "^'");
}

/** A TEXT value the ics package writes without escaping (X-WR-CALNAME): backslash, semicolon and comma escaped as RFC 5545 §3.3.11 asks. */
export function escapedCalendarLine(value: string): string {
  return calendarLine(value).replace(/[\\;,]/g, (c) => `\\${c}`);
}

const MAX_OCTETS = 75;

/**
 * Lines of at most 75 octets, as RFC 5545 §3.1 asks. The ics package folds at 75 characters, so a
 * line of Chinese, Thai or Japanese text is three times as long in octets. Folds fall between code
 * points, never inside a UTF-8 sequence; each continuation starts with one space.
 */
export function foldCalendar(text: string): string {
  const logical = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (logical.at(-1) === '') logical.pop();
  return `${logical.map((line) => foldLine(line.replace(/[\r\n]/g, ''))).join('\r\n')}\r\n`;
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
