import type { FieldError } from 'react-hook-form';

type LocalizedFieldError = (FieldError & { en?: FieldError }) | { message?: string; en?: FieldError } | undefined;

/**
 * The message key of a localised field's error: the server's for the whole field, else English's own
 * (the browser's check, on `<field>.en`). LocalizedTextFields shows it at the English input.
 */
export function localizedFieldError(error: unknown): string | undefined {
  const found = error as LocalizedFieldError;
  return (found?.message ?? found?.en?.message) || undefined;
}
