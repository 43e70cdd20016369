import type { FieldErrors, FieldValues } from 'react-hook-form';

const ERROR_KEYS = new Set(['message', 'type', 'ref', 'types', 'root']);

/** The paths of the fields in error ("title.en", "speakers.0.role"; "title" for an error on the whole field). */
function errorPaths(errors: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (ERROR_KEYS.has(key) || !value || typeof value !== 'object') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const own = typeof (value as { message?: unknown }).message === 'string' ? [path] : [];
    return [...own, ...errorPaths(value as Record<string, unknown>, path)];
  });
}

/**
 * Focuses the form's first control in error in the order a person reads the page. react-hook-form's
 * own focus follows the order fields were registered, and a child component (LocalizedTextFields)
 * registers its inputs after the parent's, so its own choice can land below the first error.
 * Use with `shouldFocusError: false`, as handleSubmit's second argument.
 */
export function focusFirstError<Values extends FieldValues>(form: HTMLFormElement | null, errors: FieldErrors<Values>): void {
  if (!form) return;
  const paths = errorPaths(errors as Record<string, unknown>);
  const inError = (name: string) => paths.some((path) => name === path || name.startsWith(`${path}.`));
  for (const element of Array.from(form.elements)) {
    const name = (element as HTMLInputElement).name;
    if (name && inError(name) && element instanceof HTMLElement && !element.hasAttribute('disabled')) {
      element.focus();
      return;
    }
  }
}
