'use client';

import { type ComponentProps, useEffect, useRef } from 'react';
import { useHydrated } from '../use-hydrated';

/**
 * A form whose submit is handled in the browser. Until React has hydrated it, a native submit
 * would send the page a GET with every field (a password too) in its address, and react-hook-form
 * would then set each field back to its stored value over what the person typed; so its controls
 * stay disabled until the browser can handle them. A disabled fieldset's controls are not sent
 * either, and `method="post"` keeps any field out of the address whatever happens.
 */
export function ClientForm({ children, ...props }: ComponentProps<'form'>) {
  const hydrated = useHydrated();
  const gate = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    // The browser skipped an autofocus field while it was disabled; a scanning desk wants it.
    if (!hydrated) return;
    const wanted = gate.current?.querySelector<HTMLElement>('[autofocus]');
    if (wanted && (document.activeElement === null || document.activeElement === document.body)) wanted.focus();
  }, [hydrated]);
  return (
    <form method="post" data-client-form="" {...props}>
      <fieldset ref={gate} className="form-gate" role="presentation" disabled={!hydrated}>
        {children}
      </fieldset>
    </form>
  );
}
