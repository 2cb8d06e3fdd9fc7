import type { Metadata } from 'next';
import { SearchView } from './search-view';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q } = await searchParams;
  return <SearchView initialQuery={typeof q === 'string' ? q : ''} />;
}
