import { IsoTimeFormatter } from '../src/isoTime';

describe('IsoTimeFormatter', () => {
  it('writes exactly what Date#toISOString writes, across minutes, days, years and the edges', () => {
    const formatter = new IsoTimeFormatter();
    const times = [
      0,
      1,
      59_999,
      60_000,
      Date.UTC(2026, 0, 2, 3, 4, 5, 6),
      Date.UTC(2026, 0, 2, 3, 4, 5, 60),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      Date.UTC(2024, 1, 29, 12, 0, 0, 7),
      1_700_000_000_123.75,
      253_402_300_799_999,
      253_402_300_800_000,
      8.64e15,
    ];
    // A seeded walk through time, steps from a millisecond to a few days, going back now and then.
    let t = Date.UTC(2025, 5, 1);
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      t = Math.max(0, t + ((seed % 400_000_000) - 50_000_000) / (1 + (seed % 1000)));
      times.push(t);
    }
    const mismatches = times.filter((time) => formatter.format(time) !== new Date(time).toISOString());
    expect(mismatches).toEqual([]);
  });
});
