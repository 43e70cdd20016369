import type { AppServer } from '../../tests/helpers/app-process';
import { seatedRegistration, type SeatedSession } from '../../tests/helpers/seated-session';

/**
 * What the server has done before any measurement, in bench/main.ts and bench/profile-registration.ts
 * alike: rendered the public pages and taken a few registrations (for a session of its own).
 */
export async function warmUp(server: AppServer, seated: SeatedSession) {
  const event = seated.eventSlug;
  const urls = [`${server.url}/events/${event}/agenda`, `${server.url}/api/v1/events/${event}/sessions`];
  for (let i = 0; i < 10; i++) {
    await Promise.all(urls.map((u) => fetch(u).then((r) => r.arrayBuffer())));
    const body = JSON.stringify(seatedRegistration(seated, i, 'warmup'));
    const response = await fetch(`${server.url}/api/v1/events/${event}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 201) throw new Error(`warm-up registration answered ${response.status}: ${await response.text()}`);
  }
  // The first visits filled the server's copy of the programme; the runs must measure that copy.
  const answeredBy = (await fetch(urls[0]!)).headers.get('x-hf-page-cache');
  if (answeredBy !== 'HIT') throw new Error(`the programme was not answered from the server's page cache (x-hf-page-cache: ${answeredBy})`);
}
