'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86400),
    hours: Math.floor((total % 86400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** Counts down to when the stream opens, then reloads the page so the server hands out the link. */
export function Countdown({ until, labels }: { until: string; labels: { days: string; hours: string; minutes: string; seconds: string } }) {
  const router = useRouter();
  const target = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= target) {
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [router, target]);
  if (now === null) return null;
  const left = parts(target - now);
  return (
    <p className="countdown" role="timer" aria-live="off" data-testid="countdown">
      {left.days > 0 && (
        <span>
          {left.days} {labels.days}{' '}
        </span>
      )}
      <span>
        {left.hours} {labels.hours}{' '}
      </span>
      <span>
        {left.minutes} {labels.minutes}{' '}
      </span>
      <span>
        {left.seconds} {labels.seconds}
      </span>
    </p>
  );
}
