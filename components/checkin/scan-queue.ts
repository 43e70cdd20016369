'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueuedScan } from '@/lib/checkin/schema';

const KEY = 'hf.checkin.queue';

function stored(slug: string): QueuedScan[] {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, QueuedScan[]>;
    return Array.isArray(all[slug]) ? all[slug] : [];
  } catch {
    return [];
  }
}

function store(slug: string, scans: QueuedScan[]) {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, QueuedScan[]>;
    all[slug] = scans;
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // A full or blocked storage: the scan is lost to the queue, and the desk says so by its count.
  }
}

/**
 * Scans the network did not carry wait in localStorage (they survive a reload) and are sent again,
 * oldest first, when the browser is back online or every 10 s. Each keeps the key it was made with:
 * the database refuses a second admission for one key, so a scan that did arrive before the network
 * broke is never counted twice.
 */
export function useScanQueue(slug: string, send: (scan: QueuedScan) => Promise<boolean>) {
  const [waiting, setWaiting] = useState(0);
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const scan of stored(slug)) {
        if (!(await send(scan))) break;
        store(
          slug,
          stored(slug).filter((s) => s.scanKey !== scan.scanKey),
        );
      }
    } finally {
      flushing.current = false;
      setWaiting(stored(slug).length);
    }
  }, [slug, send]);

  const enqueue = useCallback(
    (scan: QueuedScan) => {
      store(slug, [...stored(slug), scan]);
      setWaiting(stored(slug).length);
    },
    [slug],
  );

  useEffect(() => {
    setWaiting(stored(slug).length);
    const again = () => void flush();
    window.addEventListener('online', again);
    const timer = setInterval(again, 10_000);
    return () => {
      window.removeEventListener('online', again);
      clearInterval(timer);
    };
  }, [slug, flush]);

  return { waiting, enqueue, flush };
}
