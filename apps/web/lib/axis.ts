// Chart axes whose labels say something: ticks at round steps, each label different from the
// others (a millisecond axis over 0–2.4 ms used to read "0 ms, 1 ms, 1 ms, 2 ms, 2 ms"), and
// category labels cut to the room they have instead of overlapping their neighbours.

/** Ticks from 0 to at least `max` at a round step (1, 2 or 5 × 10^n), about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = 0; tick < top + step / 2 && ticks.length <= count * 3; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if (ticks[ticks.length - 1]! < top) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/** Decimals needed to write every multiple of `step` exactly. */
function decimalsFor(step: number): number {
  if (step >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}

/** Milliseconds for ticks `step` apart, in one unit per axis: "250 ms", "2 s", "0.4 ms"; never two alike. */
export function formatMsTick(value: number, step: number): string {
  if (value === 0) return '0';
  if (step >= 1000) {
    const seconds = value / 1000;
    return `${seconds.toFixed(decimalsFor(step / 1000))} s`;
  }
  return `${value.toFixed(decimalsFor(step))} ms`;
}

/** The step of ticks made by niceTicks. */
export const tickStep = (ticks: readonly number[]): number => (ticks.length > 1 ? ticks[1]! - ticks[0]! : 1);

/** A label cut to `maxChars` characters with an ellipsis (the whole label goes in a tooltip). */
export function fitLabel(label: string, maxChars: number): string {
  const room = Math.max(3, Math.floor(maxChars));
  return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}
