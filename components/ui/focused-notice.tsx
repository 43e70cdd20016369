'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The answer to a form the server handled (the page comes back with ?saved=1 or ?error=…): it takes
 * focus when it appears, so keyboard and screen-reader users land on what happened instead of at
 * the top of the document, and it is a live region for those who stay where they were.
 */
export function FocusedNotice({ tone, children, testId }: { tone: 'ok' | 'bad'; children: ReactNode; testId?: string }) {
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <p ref={notice} tabIndex={-1} className={`notice ${tone}`} role={tone === 'ok' ? 'status' : 'alert'} data-testid={testId}>
      {children}
    </p>
  );
}
