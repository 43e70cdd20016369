import { z } from 'zod';
import { vmsg } from './message';

// Characters nobody types into a form on purpose: C0 and C1 controls, DEL, the Unicode line and
// paragraph separators, and the bidirectional embeddings, overrides and isolates (which make text
// read in another order than it is stored). Text typed here ends up in mail headers, CSV cells and
// calendar files, where a stray CR or LF ends a line and starts whatever follows.
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// The same for text with paragraphs: line feeds and tabs are text there.
const NOT_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** One line of text (a name, a title, a subject): trimmed, at most `max` characters, no control characters or line breaks. */
export function singleLineText(max: number) {
  return z
    .string({ error: vmsg('text') })
    .trim()
    .max(max, vmsg('tooLong', { max }))
    .refine((value) => !NOT_ONE_LINE.test(value), vmsg('oneLine'));
}

/** Text with paragraphs (a description, a bio, a message): line breaks kept as LF whatever the browser sent, other control characters refused. */
export function multiLineText(max: number) {
  return z
    .string({ error: vmsg('text') })
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .trim()
        .max(max, vmsg('tooLong', { max }))
        .refine((value) => !NOT_MULTI_LINE.test(value), vmsg('controlChars')),
    );
}
