/** Says how the app server answered a programme page or the sessions JSON; a request carrying it goes to Next.js itself. */
export const PAGE_CACHE_HEADER = 'x-hf-page-cache';
