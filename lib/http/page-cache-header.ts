/** Says how the app server answered a programme page; a request carrying it is a refill and goes to the cached page in Next.js. */
export const PAGE_CACHE_HEADER = 'x-hf-page-cache';
