// A refusal carried in a redirect's query is shown as text only when the app signed it.
import { describe, expect, it } from 'vitest';
import { QUERY_ERROR_MAX, queryErrorField, signedError, verifiedError } from '@/lib/validation/query-error';

const fromQuery = (encoded: string) => decodeURIComponent(encoded);

describe('signed query errors', () => {
  it('reads back the text the app signed, keys with values included', () => {
    expect(verifiedError(fromQuery(signedError('Room 3 is in use')))).toBe('Room 3 is in use');
    expect(verifiedError(fromQuery(signedError('tooLong?max=60')))).toBe('tooLong?max=60');
    expect(verifiedError(fromQuery(signedError('a~b')))).toBe('a~b');
  });

  it('refuses text with no signature, a made-up one, or one moved to other text', () => {
    const signed = fromQuery(signedError('Mail already sent'));
    const sig = signed.slice(signed.lastIndexOf('~') + 1);
    expect(verifiedError('Pay the fee at pay-forum.example')).toBeNull();
    expect(verifiedError(`Pay the fee at pay-forum.example~${'A'.repeat(sig.length)}`)).toBeNull();
    expect(verifiedError(`Pay the fee at pay-forum.example~${sig}`)).toBeNull();
    expect(verifiedError(`${signed}x`)).toBeNull();
  });

  it('cuts the text to the longest a page accepts, and the page’s field takes it whole', () => {
    const long = fromQuery(signedError('x'.repeat(1000)));
    expect(verifiedError(long)).toBe('x'.repeat(QUERY_ERROR_MAX));
    expect(queryErrorField.parse(long)).toBe(long);
    expect(queryErrorField.parse('y'.repeat(QUERY_ERROR_MAX * 3 + 1))).toBeUndefined();
  });
});
