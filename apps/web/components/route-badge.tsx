'use client';
import type { Provider, Route } from '@switchyard/client';
import { formatCost, formatMs } from '../lib/format';
import { complexityLabels, isLocalRoute, sensitivityLabels } from '../lib/route-label';
import { CloudIcon, ShieldIcon } from './icons';

interface RouteBadgeProps {
  route?: Route;
  providers: Provider[];
  costUsd?: number;
  cached?: boolean;
  latencyMs?: number;
  pending?: boolean;
}

/** Where an answer came from and why. Keeps its height while the route is still unknown. */
export function RouteBadge({ route, providers, costUsd, cached, latencyMs, pending }: RouteBadgeProps) {
  if (!route) {
    return <div className="route-badge placeholder">{pending ? 'Choosing a model…' : 'Route not recorded'}</div>;
  }
  const local = isLocalRoute(route, providers);
  return (
    <details className="route-badge" data-testid="route-badge" data-local={local} data-sensitivity={route.sensitivity}>
      <summary>
        <span className={local ? 'pill local' : 'pill cloud'}>
          {local ? <ShieldIcon width={13} height={13} /> : <CloudIcon width={13} height={13} />}
          {local ? 'Local' : 'Cloud'}
        </span>
        <span className="route-model" title={`${route.provider}:${route.model}`}>
          {route.model}
        </span>
        <span className={`pill sens-${route.sensitivity}`}>{sensitivityLabels[route.sensitivity]}</span>
        <span className="pill neutral">{complexityLabels[route.complexity]}</span>
        {costUsd !== undefined ? <span className="route-meta">{formatCost(costUsd)}</span> : null}
        {latencyMs !== undefined ? <span className="route-meta">{formatMs(latencyMs)}</span> : null}
        {cached ? <span className="pill cached">Cached</span> : null}
        <span className="route-why">Why?</span>
      </summary>
      <div className="route-details">
        <p>
          Routed to <strong>{route.provider}</strong> · model <strong>{route.model}</strong> · tier <strong>{route.tier}</strong>
          {cached !== undefined ? <> · {cached ? 'served from cache' : 'not cached'}</> : null}
        </p>
        {route.reasons.length > 0 ? (
          <ul>
            {route.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
