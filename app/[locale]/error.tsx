'use client';

import { useEffect, useRef } from 'react';
import { useFailureText } from '@/components/ui/failure-text';
import { renewFailedLazyComponents } from '@/components/ui/retryable-lazy';

/**
 * A page that failed while rendering. Its text comes from the layout (FailureTextProvider): this
 * boundary must work on pages that load no i18n runtime in the browser.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useFailureText();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen-reader and keyboard users land on the news rather than somewhere in the old page.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="error-page" aria-labelledby="error-title" role="alert">
      <h1 id="error-title" ref={heading} tabIndex={-1}>
        {text.title}
      </h1>
      <p>{text.body}</p>
      {error.digest && <p className="muted">{text.reference.replace('{digest}', error.digest)}</p>}
      <p className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            // Code that failed to arrive (a lost network) is asked for again, not remembered as failed.
            renewFailedLazyComponents();
            reset();
          }}
        >
          {text.retry}
        </button>
        <a className="button secondary" href="/">
          {text.home}
        </a>
      </p>
    </section>
  );
}
