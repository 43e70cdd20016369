/** Says how the app server answered a programme page, the sessions JSON or a registration itself; a request carrying it goes to Next.js. */
export const PAGE_CACHE_HEADER = 'x-hf-page-cache';
