import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';

/** An API address that no route answers gets the API's own JSON not-found, not an HTML page. */
const noSuchEndpoint = async () => errorResponse(notFound('No such API endpoint'));

export const GET = noSuchEndpoint;
export const HEAD = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
