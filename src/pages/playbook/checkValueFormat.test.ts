import { formatCheckValue } from './checkValueFormat';

describe('formatCheckValue', () => {
  it('prints counts as integers with grouping, never with decimals', () => {
    expect(formatCheckValue(595, 'count')).toBe('595');
    expect(formatCheckValue(12345.6, 'count')).toBe('12,346');
    expect(formatCheckValue(0, 'count')).toBe('0');
    expect(formatCheckValue(-0.2, 'count')).toBe('0');
  });

  it('prints ratios as percentages', () => {
    expect(formatCheckValue(0.0123, 'ratio')).toBe('1.23%');
    expect(formatCheckValue(1, 'ratio')).toBe('100%');
    expect(formatCheckValue(0, 'ratio')).toBe('0%');
  });

  it('prints seconds with the app duration format', () => {
    expect(formatCheckValue(0.25, 'seconds')).toBe('250 ms');
    expect(formatCheckValue(12.5, 'seconds')).toBe('12.5 s');
    expect(formatCheckValue(90, 'seconds')).toBe('1m 30s');
    expect(formatCheckValue(7200, 'seconds')).toBe('2h 00m');
  });

  it('prints rates per second with two significant decimals', () => {
    expect(formatCheckValue(12.3456, 'perSecond')).toBe('12.35/s');
    expect(formatCheckValue(0.012345, 'perSecond')).toBe('0.012/s');
    expect(formatCheckValue(3, 'perSecond')).toBe('3/s');
    expect(formatCheckValue(0, 'perSecond')).toBe('0/s');
  });

  it('prints factors against a baseline as multipliers', () => {
    expect(formatCheckValue(1.5, 'factor')).toBe('1.5×');
    expect(formatCheckValue(0.6667, 'factor')).toBe('0.67×');
  });

  it('prints a dash for values that are not numbers', () => {
    for (const unit of ['count', 'ratio', 'seconds', 'perSecond', 'factor'] as const) {
      expect(formatCheckValue(Number.NaN, unit)).toBe('–');
      expect(formatCheckValue(Number.POSITIVE_INFINITY, unit)).toBe('–');
    }
  });
});
