import { DurationError, formatDuration, parseDuration, parseDurationOrThrow } from '../src';

describe('the one duration parser', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h30m', 9_000_000],
    ['3d', 259_200_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['250ms', 250],
    ['1h0m5s', 3_605_000],
    ['1.5h', 5_400_000],
    [' 5m ', 300_000],
    ['0s', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', 'm', '5x', '-5m', '5m3h', '5m5m', '1e3s', '5 m', '5mm', '+5m', 'Infinityd'])(
    '"%s" is not a duration',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    }
  );

  it('names the field and the limit when a value is refused', () => {
    expect(() => parseDurationOrThrow('abc', '--step')).toThrow(/--step: "abc" is not a duration/);
    expect(() => parseDurationOrThrow('0s', '--step', { minMs: 1000 })).toThrow(
      /--step: 0s is below the minimum of 1s/
    );
    expect(() => parseDurationOrThrow('3650d', '--hold', { maxMs: 30 * 86_400_000 })).toThrow(
      /--hold: 3650d is above the maximum of 30d/
    );
    expect(() => parseDurationOrThrow('x', 'f')).toThrow(DurationError);
    expect(parseDurationOrThrow('2m', '--step', { minMs: 1000, maxMs: 3_600_000 })).toBe(120_000);
  });

  it.each([
    [0, '0s'],
    [1, '1ms'],
    [1500, '1s500ms'],
    [300_000, '5m'],
    [5_400_000, '1h30m'],
    [30 * 86_400_000, '30d'],
  ])('formats %d ms as %s and parses it back', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });

  it('refuses to format what is not a duration', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});
