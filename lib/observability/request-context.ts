import { headers } from 'next/headers';
import { REQUEST_ID_HEADER } from './request-id';

/** The id the app's server gave the request being handled (lib/observability/request-id.ts), or null outside a request. */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}
