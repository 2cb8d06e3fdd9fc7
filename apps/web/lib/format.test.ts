import { describe, expect, it } from 'vitest';
import { formatBytes, formatCost, formatMs, formatPercent, formatRelative } from './format';

describe('format', () => {
  it('shows costs at a useful precision', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.00004)).toBe('<$0.0001');
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(1.234)).toBe('$1.23');
  });

  it('shows rates, sizes and durations', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.034)).toBe('3.4%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('–');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatMs(42.4)).toBe('42 ms');
    expect(formatMs(1530)).toBe('1.5 s');
  });

  it('says how long ago', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(formatRelative('2025-03-10T11:59:40Z', now)).toBe('just now');
    expect(formatRelative('2025-03-10T11:45:00Z', now)).toBe('15 min ago');
    expect(formatRelative('2025-03-10T09:00:00Z', now)).toBe('3 h ago');
    expect(formatRelative('2025-03-09T10:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('not a date', now)).toBe('');
  });
});
