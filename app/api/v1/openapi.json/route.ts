import { openApiDocument } from '@/lib/api/openapi';
import { appEnv } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(openApiDocument(appEnv().appUrl));
}
