'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';

type Props = {
  /** The input's id; its error is `<id>-error`. */
  id: string;
  label: string;
  submit: string;
  error: string | undefined;
  pending: boolean;
  registered: UseFormRegisterReturn;
};

/** The one field of a scanning page (the desk, a session's door): a code typed or sent by a hand scanner, then submit. */
export function TicketCodeField({ id, label, submit, error, pending, registered }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: a scanning page is a one-field page; staff scan the next code without reaching for the mouse.
        autoFocus
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registered}
      />
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <button className="button" type="submit" disabled={pending}>
        {submit}
      </button>
    </>
  );
}
