// Prometheus metrics. The registry is prom-client's default one, so any module (chat counters
// included) registers on it and GET /metrics shows everything. Metrics are created once per
// process: tests build many apps and prom-client refuses a second metric of the same name.
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

export const metricsRegistry = register;

let httpDuration: Histogram<'method' | 'route' | 'status'> | undefined;

export function httpRequestDuration(): Histogram<'method' | 'route' | 'status'> {
  if (!httpDuration) {
    if (!metricsRegistry.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics({ register: metricsRegistry });
    httpDuration =
      (metricsRegistry.getSingleMetric('http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'> | undefined) ??
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request duration by method, route and status',
        labelNames: ['method', 'route', 'status'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [metricsRegistry],
      });
  }
  return httpDuration;
}
