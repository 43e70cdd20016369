import type { ReactNode } from 'react';

type Props = { id: string; label: string; hint?: string; error?: string; children: ReactNode };

/**
 * One labelled form field with its hint and its error, the error naming the field so it reads on
 * its own to a screen reader. The control itself carries `fieldAria(...)`.
 */
export function FormField({ id, label, hint, error, children }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      <span id={`${id}-error`} className="error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </span>
    </div>
  );
}

export function fieldAria(id: string, error: string | undefined, hasHint = false) {
  return { id, 'aria-invalid': Boolean(error), 'aria-describedby': hasHint ? `${id}-hint ${id}-error` : `${id}-error` };
}
