import { parseCounterSelector, renderCounterSelector } from '../src';

const render = (text: string) => {
  const parsed = parseCounterSelector(text);
  if (typeof parsed === 'string') {
    throw new Error(parsed);
  }
  return renderCounterSelector(parsed);
};

describe('counter selectors of OpenSLO queries', () => {
  it.each([
    ['a bare metric', 'hybrid_requests_total', 'hybrid_requests_total'],
    ['empty braces', 'hybrid_requests_total{}', 'hybrid_requests_total'],
    [
      'spaces, newlines and a trailing comma',
      ' a_total{ x = "1" ,\n y=~"2(\\\\.0)?", } ',
      'a_total{x="1",y=~"2(\\\\.0)?"}',
    ],
    ['every operator', 'a{w="1",x!="2",y=~"3|4",z!~"5"}', 'a{w="1",x!="2",y=~"3|4",z!~"5"}'],
    ['an escaped quote and backslash', 'a{x="say \\"hi\\" C:\\\\"}', 'a{x="say \\"hi\\" C:\\\\"}'],
    ['UTF-8 and \\u escapes', 'a{x="Zürich \\u00e9"}', 'a{x="Zürich é"}'],
    ['an escaped newline', 'a{x="l1\\nl2"}', 'a{x="l1\\nl2"}'],
  ])('reads and re-writes %s', (_case, text, expected) => {
    expect(render(text)).toBe(expected);
  });

  it('keeps the label values exactly (the builder escapes them again)', () => {
    const parsed = parseCounterSelector('a{x="q\\"\\\\",y="ü"}');
    expect(parsed).toEqual({
      metric: 'a',
      matchers: [
        { label: 'x', op: '=', value: 'q"\\' },
        { label: 'y', op: '=', value: 'ü' },
      ],
    });
  });
});

describe('bad input', () => {
  it.each([
    ['a function', 'sum(a_total)', /only label matchers in braces may follow/],
    ['a range', 'a_total[5m]', /only label matchers in braces may follow/],
    ['an operator after the selector', 'a_total{x="1"} or b_total', /expected a matcher/],
    ['an unclosed value', 'a_total{x="1}', /no closing quote/],
    ['a missing comma', 'a_total{x="1" y="2"}', /expected "," or "}"/],
    ['a single-quoted value', "a_total{x='1'}", /expected a matcher like label="value"/],
    ['an unknown escape', 'a_total{x="\\d+"}', /unsupported escape \\d/],
    ['a raw line break in a value', 'a_total{x="a\nb"}', /runs over a line end/],
    ['no metric name', '{x="1"}', /must start with a metric name/],
    ['a bad label name', 'a_total{1x="1"}', /expected a matcher/],
  ])('refuses counter selectors: %s', (_case, text, message) => {
    const parsed = parseCounterSelector(text);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(message);
  });
});
