'use client';

import { useState } from 'react';

export function ShareLink({ label, copiedLabel, title }: { label: string; copiedLabel: string; title: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      onClick={async () => {
        const url = window.location.href.split('?')[0]!;
        if (navigator.share) {
          await navigator.share({ title, url }).catch(() => {});
        } else {
          await navigator.clipboard?.writeText(url);
          setCopied(true);
        }
      }}
    >
      {copied ? copiedLabel : label}
    </button>
  );
}
