import { promtoolRuleStart } from '../src/promtoolRuleWindow';

const BOUNDARY = Date.parse('2026-12-02T04:00:00Z') / 1000;

describe('promtoolRuleStart', () => {
  it.each([
    ['on the boundary', 0, 0],
    ['one interval before it', -240, -240],
    ['more than one interval before it', -600, -600],
    ['just after it', 1, 1],
  ])('keeps a start %s', (_what, offset, expected) => {
    expect(promtoolRuleStart(BOUNDARY + offset, 240) - BOUNDARY).toBe(expected);
  });

  it.each([-1, -120, -210, -239])('moves a start %i s before the boundary back to one interval before it', (offset) => {
    expect(promtoolRuleStart(BOUNDARY + offset, 240) - BOUNDARY).toBe(-240);
  });

  it('drops fractions of a second (promtool takes whole seconds)', () => {
    expect(promtoolRuleStart(BOUNDARY - 600.7, 240) - BOUNDARY).toBe(-601);
  });
});
