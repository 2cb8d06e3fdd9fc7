import type { Metadata } from 'next';
import { AdminOnly } from '../../../components/admin-only';
import { PolicyView } from './policy-view';

export const metadata: Metadata = { title: 'Routing policy' };

export default function PolicyPage() {
  return (
    <AdminOnly title="Routing policy">
      <PolicyView />
    </AdminOnly>
  );
}
