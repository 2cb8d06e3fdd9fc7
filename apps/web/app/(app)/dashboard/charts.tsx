'use client';
import type { StatsGroup, StatsResponse } from '@switchyard/client';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCost, formatHour, formatMs } from '../../../lib/format';

const colors = { primary: '#4f46e5', secondary: '#0d9488', tertiary: '#d97706', grid: '#e7e5e4', axis: '#78716c' };
const axisProps = { stroke: colors.axis, fontSize: 12, tickLine: false, axisLine: false } as const;

/** `empty` is 'loading' until the numbers arrive (not the same as "no requests yet"). */
export function ChartCard({ title, description, children, empty }: { title: string; description?: string; children: React.ReactElement; empty: boolean | 'loading' }) {
  return (
    <figure className="card chart-card">
      <figcaption>
        <h2>{title}</h2>
        {description ? <p className="muted small">{description}</p> : null}
      </figcaption>
      <div className="chart-area">
        {empty ? (
          <p className="muted small chart-empty">{empty === 'loading' ? 'Loading…' : 'No requests yet.'}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}

const emptiness = (data: readonly unknown[] | undefined) => (data === undefined ? 'loading' : data.length === 0);

export function RequestsOverTime({ timeline }: { timeline: StatsResponse['timeline'] | undefined }) {
  return (
    <ChartCard title="Requests" description="Per hour, with cache hits" empty={emptiness(timeline)}>
      <AreaChart data={timeline} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="hour" tickFormatter={formatHour} {...axisProps} />
        <YAxis allowDecimals={false} {...axisProps} />
        <Tooltip labelFormatter={(label) => new Date(String(label)).toLocaleString()} />
        <Legend />
        <Area type="monotone" dataKey="requests" name="Requests" stroke={colors.primary} fill={colors.primary} fillOpacity={0.12} isAnimationActive={false} />
        <Area type="monotone" dataKey="cacheHits" name="Cache hits" stroke={colors.secondary} fill={colors.secondary} fillOpacity={0.12} isAnimationActive={false} />
      </AreaChart>
    </ChartCard>
  );
}

export function CostAndLatencyOverTime({ timeline }: { timeline: StatsResponse['timeline'] | undefined }) {
  return (
    <ChartCard title="Cost and latency" description="Per hour: spend and median latency" empty={emptiness(timeline)}>
      <LineChart data={timeline} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="hour" tickFormatter={formatHour} {...axisProps} />
        {/* With no spend at all, a $0–$0.01 scale rather than a made-up $0–$4. */}
        <YAxis yAxisId="cost" domain={[0, (dataMax: number) => Math.max(dataMax, 0.01)]} tickFormatter={(value: number) => formatCost(value)} {...axisProps} />
        <YAxis yAxisId="latency" orientation="right" tickFormatter={(value: number) => formatMs(value)} {...axisProps} />
        <Tooltip
          labelFormatter={(label) => new Date(String(label)).toLocaleString()}
          formatter={(value, name) => (name === 'Cost' ? formatCost(Number(value)) : formatMs(Number(value)))}
        />
        <Legend />
        <Line yAxisId="cost" type="monotone" dataKey="costUsd" name="Cost" stroke={colors.tertiary} dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line yAxisId="latency" type="monotone" dataKey="p50LatencyMs" name="p50 latency" stroke={colors.primary} dot={false} strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </ChartCard>
  );
}

export function GroupBars({ title, description, groups }: { title: string; description: string; groups: StatsGroup[] | undefined }) {
  const data = groups?.map((group) => ({ key: group.key, requests: group.requests, cacheHits: group.cacheHits, costUsd: group.costUsd, p50: group.latencyMs.p50, p95: group.latencyMs.p95 }));
  return (
    <ChartCard title={title} description={description} empty={emptiness(data)}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="key" {...axisProps} interval={0} />
        <YAxis yAxisId="count" allowDecimals={false} {...axisProps} />
        <YAxis yAxisId="latency" orientation="right" tickFormatter={(value: number) => formatMs(value)} {...axisProps} />
        <Tooltip formatter={(value, name) => (String(name).includes('latency') ? formatMs(Number(value)) : String(value))} />
        <Legend />
        <Bar yAxisId="count" dataKey="requests" name="Requests" fill={colors.primary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        <Bar yAxisId="latency" dataKey="p50" name="p50 latency" fill={colors.secondary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        <Bar yAxisId="latency" dataKey="p95" name="p95 latency" fill={colors.tertiary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
