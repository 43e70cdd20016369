import { z } from 'zod';

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'must be lower-case letters, digits and dashes');
export const uuidSchema = z.uuid();
