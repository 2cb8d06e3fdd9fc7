// How a route is shown to people: where the answer was computed and what it cost.
import type { Provider, Route } from '@switchyard/client';

/** True when the route ran on this machine (a local provider or a local tier). */
export function isLocalRoute(route: Route, providers: readonly Pick<Provider, 'id' | 'local'>[] = []): boolean {
  const known = providers.find((provider) => provider.id === route.provider);
  if (known) return known.local;
  return route.tier.startsWith('local') || route.provider.startsWith('local') || route.provider.includes('extractive');
}

export const sensitivityLabels = { public: 'Public', internal: 'Internal', confidential: 'Confidential' } as const;
export const complexityLabels = { simple: 'Simple', moderate: 'Moderate', complex: 'Complex' } as const;
