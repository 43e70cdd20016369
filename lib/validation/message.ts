import { z } from 'zod';

export { isValidationMessage, readValidationMessage, VALIDATION_KEYS, type ValidationKey, vmsg } from './message-keys';
import { vmsg } from './message-keys';

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/**
 * The messages for issues a schema gives no words of its own, in place of zod's English defaults
 * ("Invalid input", "Too small: expected string to have >=1 characters").
 */
export const validationError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return isEmpty(issue.input) ? vmsg('required') : vmsg(issue.expected === 'number' ? 'number' : 'invalid');
    case 'too_big':
      if (issue.origin === 'string') return vmsg('tooLong', { max: String(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return vmsg('tooMany', { max: String(issue.maximum) });
      return vmsg('tooBig', { max: String(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? vmsg('required') : vmsg('tooShort', { min: String(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return vmsg('choose');
      return vmsg('tooSmall', { min: String(issue.minimum) });
    case 'invalid_value':
    case 'invalid_union':
      return isEmpty(issue.input) ? vmsg('required') : vmsg('choose');
    case 'invalid_format':
      if (issue.format === 'email') return vmsg('email');
      if (issue.format === 'uuid' || issue.format === 'guid') return vmsg('choose');
      return vmsg('invalid');
    case 'not_multiple_of':
      return vmsg('wholeNumber');
    default:
      return vmsg('invalid');
  }
};

// Installed wherever a schema is defined (every schema module imports this one), in the browser and
// on the server alike.
z.config({ customError: validationError });
