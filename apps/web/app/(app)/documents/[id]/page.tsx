import type { Metadata } from 'next';
import { DocumentDetail } from './document-detail';

export const metadata: Metadata = { title: 'Document' };

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { q } = await searchParams;
  return <DocumentDetail id={decodeURIComponent(id)} passageQuery={typeof q === 'string' ? q : null} />;
}
