import { notFound } from 'next/navigation';

/** Any address inside the site that no page answers gets the site's own not-found page, in the visitor's language. */
export default function MissingPage() {
  notFound();
}
