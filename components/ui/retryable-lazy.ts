import { type ComponentType, lazy } from 'react';

/** What renews each lazy component whose code failed to load since the last "Try again". */
const failedSinceRetry = new Set<() => void>();

/**
 * A lazy component that a "Try again" can bring back. React keeps a lazy component's failure for
 * good, so after a failed chunk (a phone that lost its network) every later render would meet the same
 * failure however long the network had been back. The component is renewed only when someone asks
 * to try again (renewFailedLazyComponents, from the error page), not on every failed render: while
 * the network is down, React's own retry of a failed render would otherwise ask for the chunk again
 * and again. Returns the component to render now.
 */
export function retryableLazy<Props>(load: () => Promise<{ default: ComponentType<Props> }>): () => ComponentType<Props> {
  const make = () =>
    lazy(() =>
      load().catch((error: unknown) => {
        failedSinceRetry.add(renew);
        throw error;
      }),
    );
  let current = make();
  function renew() {
    current = make();
  }
  return () => current;
}

/** Gives every lazy component that failed a new attempt at its code, before the page renders again. */
export function renewFailedLazyComponents(): void {
  for (const renew of failedSinceRetry) renew();
  failedSinceRetry.clear();
}
