'use client';
import type { StatsGroup, StatsResponse } from '@switchyard/client';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fitLabel, formatMsTick, niceTicks, tickStep } from '../../../lib/axis';
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

/** A latency axis with round ticks, each labelled differently. */
function latencyAxis(values: readonly (number | null | undefined)[]) {
  const ticks = niceTicks(Math.max(0, ...values.map((value) => value ?? 0)));
  const step = tickStep(ticks);
  return { ticks, domain: [0, ticks[ticks.length - 1]!] as [number, number], tickFormatter: (value: number) => formatMsTick(value, step) };
}

/** Approximate width of one character of the 12 px axis font. */
const CHAR_WIDTH_PX = 7;

/** A category label cut to its share of the axis (whole name on hover), so neighbours never overlap. */
function FittedTick(props: { x?: number; y?: number; payload?: { value: string }; width?: number; visibleTicksCount?: number }) {
  const { x = 0, y = 0, payload, width = 0, visibleTicksCount = 1 } = props;
  const label = String(payload?.value ?? '');
  const room = (width / Math.max(1, visibleTicksCount)) / CHAR_WIDTH_PX - 1;
  return (
    <g transform={`translate(${x},${y})`} className="fitted-tick">
      <title>{label}</title>
      <text className="recharts-cartesian-axis-tick-value" x={0} y={0} dy={14} textAnchor="middle" fontSize={12} fill={colors.axis}>
        {fitLabel(label, room)}
      </text>
    </g>
  );
}

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
        <YAxis yAxisId="latency" orientation="right" {...latencyAxis(timeline?.map((hour) => hour.p50LatencyMs) ?? [])} {...axisProps} />
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
        <XAxis dataKey="key" {...axisProps} interval={0} tick={<FittedTick />} height={28} />
        <YAxis yAxisId="count" allowDecimals={false} {...axisProps} />
        <YAxis yAxisId="latency" orientation="right" {...latencyAxis(data?.flatMap((row) => [row.p50, row.p95]) ?? [])} {...axisProps} />
        <Tooltip formatter={(value, name) => (String(name).includes('latency') ? formatMs(Number(value)) : String(value))} />
        <Legend />
        <Bar yAxisId="count" dataKey="requests" name="Requests" fill={colors.primary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        <Bar yAxisId="latency" dataKey="p50" name="p50 latency" fill={colors.secondary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        <Bar yAxisId="latency" dataKey="p95" name="p95 latency" fill={colors.tertiary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}

const palette = ['#4f46e5', '#0d9488', '#d97706', '#db2777', '#0284c7', '#65a30d', '#7c3aed', '#dc2626'];
type Hour = StatsResponse['timeline'][number];

/**
 * One measure per hour, one series per route (tier) or model: requests stack up as areas; a
 * latency is a line with gaps in the hours a series had no requests.
 */
export function SplitOverTime({
  title,
  description,
  timeline,
  split,
  measure,
}: {
  title: string;
  description: string;
  timeline: StatsResponse['timeline'] | undefined;
  split: 'byRoute' | 'byModel';
  measure: 'requests' | 'p50LatencyMs';
}) {
  const names = timeline ? [...new Set(timeline.flatMap((hour) => Object.keys(hour[split])))].sort() : [];
  const empty = timeline === undefined ? 'loading' : names.length === 0;
  const valueOf = (name: string) => (hour: Hour) => hour[split][name]?.[measure] ?? (measure === 'requests' ? 0 : null);
  const format = (value: number) => (measure === 'requests' ? String(value) : formatMs(value));
  const latencyTicks = measure === 'requests' ? undefined : latencyAxis(timeline?.flatMap((hour) => names.map((name) => hour[split][name]?.[measure])) ?? []);
  const common = (
    <>
      <CartesianGrid stroke={colors.grid} vertical={false} />
      <XAxis dataKey="hour" tickFormatter={formatHour} {...axisProps} />
      {latencyTicks ? <YAxis {...latencyTicks} {...axisProps} /> : <YAxis allowDecimals={false} {...axisProps} />}
      <Tooltip labelFormatter={(label) => new Date(String(label)).toLocaleString()} formatter={(value) => format(Number(value))} />
      <Legend />
    </>
  );
  return (
    <ChartCard title={title} description={description} empty={empty}>
      {measure === 'requests' ? (
        <AreaChart data={timeline} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          {common}
          {names.map((name, index) => (
            <Area key={name} type="monotone" stackId="split" dataKey={valueOf(name)} name={name} stroke={palette[index % palette.length]} fill={palette[index % palette.length]} fillOpacity={0.15} isAnimationActive={false} />
          ))}
        </AreaChart>
      ) : (
        <LineChart data={timeline} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {common}
          {names.map((name, index) => (
            <Line key={name} type="monotone" dataKey={valueOf(name)} name={name} stroke={palette[index % palette.length]} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
          ))}
        </LineChart>
      )}
    </ChartCard>
  );
}
