import type { DocumentStatus, Sensitivity } from '@switchyard/client';
import { sensitivityLabels } from '../lib/route-label';

const statusLabels: Record<DocumentStatus, string> = { queued: 'Queued', processing: 'Processing', ready: 'Ready', failed: 'Failed' };

export function StatusPill({ status }: { status: DocumentStatus }) {
  return (
    <span className={`pill status-${status}`} data-testid="document-status">
      {statusLabels[status]}
    </span>
  );
}

export function SensitivityPill({ sensitivity }: { sensitivity: Sensitivity }) {
  return <span className={`pill sens-${sensitivity}`}>{sensitivityLabels[sensitivity]}</span>;
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={clamped}>
      <div className="progress-fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}
