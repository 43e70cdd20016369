import { redirectToFeatured } from '@/lib/http/featured-redirect';

export const dynamic = 'force-dynamic';

export default async function Shortcut({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return redirectToFeatured('agenda', await searchParams);
}
