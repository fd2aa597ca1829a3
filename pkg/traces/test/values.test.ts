import { epochMsFrom, spanKindFrom, statusCodeFrom } from '../src/read/values';

describe('values', () => {
  it.each([
    ['1795564964449000000', 1e6, 1795564964449],
    ['1795564964449500000', 1e6, 1795564964449.5],
    ['500', 1e6, 0.0005],
    [1795564964449000, 1e3, 1795564964449],
    ['1795564964449001', 1e3, 1795564964449.001],
  ] as const)('epoch time %j in units of 1/%d ms', (value, units, ms) => {
    expect(epochMsFrom(value, units)).toBeCloseTo(ms, 6);
  });

  it.each([
    ['0'],
    [''],
    ['-5'],
    ['12a'],
    ['1.5'],
    [' 1'],
    ['9'.repeat(40)],
    [null],
    [undefined],
    [-1],
    [Number.NaN],
    [{}],
  ])('refuses %j as an epoch time', (value) => {
    expect(epochMsFrom(value, 1e6)).toBeUndefined();
  });

  it.each([
    [2, 'server'],
    ['3', 'client'],
    ['SPAN_KIND_PRODUCER', 'producer'],
    ['consumer', 'consumer'],
    ['INTERNAL', 'internal'],
    [9, 'unspecified'],
    ['sideways', 'unspecified'],
    [null, 'unspecified'],
  ] as const)('span kind %j reads as %s', (value, kind) => {
    expect(spanKindFrom(value)).toBe(kind);
  });

  it.each([
    [2, 'error'],
    ['STATUS_CODE_OK', 'ok'],
    ['ERROR', 'error'],
    ['Error', 'error'],
    [0, 'unset'],
    [7, 'unset'],
    ['broken', 'unset'],
    [undefined, 'unset'],
  ] as const)('status code %j reads as %s', (value, status) => {
    expect(statusCodeFrom(value)).toBe(status);
  });
});
