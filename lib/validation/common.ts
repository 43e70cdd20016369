import { z } from 'zod';
import { vmsg } from './message';

/** An event's slug: also the only spelling under which its programme page is kept in memory. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;
export const slugSchema = z.string().regex(SLUG, vmsg('slug'));
export const uuidSchema = z.uuid();
