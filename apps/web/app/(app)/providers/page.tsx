import type { Metadata } from 'next';
import { AdminOnly } from '../../../components/admin-only';
import { ProvidersView } from './providers-view';

export const metadata: Metadata = { title: 'Providers' };

export default function ProvidersPage() {
  return (
    <AdminOnly title="Providers">
      <ProvidersView />
    </AdminOnly>
  );
}
