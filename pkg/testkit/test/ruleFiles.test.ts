import { alertsAsRecordingRules, durationSeconds, recordingRuleLevels, references } from '../src/ruleFiles';

const NAMES = {
  series: 'ALERTS',
  alertName: 'alertname',
  alertState: 'alertstate',
  firing: 'firing',
  pending: 'pending',
};

describe('rule files → backfill plan', () => {
  test('recording rules are ordered by what they read', () => {
    const levels = recordingRuleLevels([
      { record: 'c:ratio', expr: 'b:sum1h / b:sum1h' },
      { record: 'a:inc5m', expr: 'sum(increase(x_total[5m]))' },
      { record: 'b:sum1h', expr: 'sum_over_time(a:inc5m[1h:5m])' },
      { record: 'a:inc5m', expr: 'sum(increase(y_total[5m]))' },
    ]);
    expect(levels.map((l) => l.map((r) => r.record))).toEqual([['a:inc5m', 'a:inc5m'], ['b:sum1h'], ['c:ratio']]);
  });

  test('a name inside a longer name is not a reference', () => {
    expect(references('slo:burn_rate:5m{slo="a"}', 'slo:burn_rate:5m')).toBe(true);
    expect(references('slo:burn_rate:5m0', 'slo:burn_rate:5m')).toBe(false);
    expect(references('xslo:burn_rate:5m', 'slo:burn_rate:5m')).toBe(false);
  });

  test('a cycle is reported instead of looping', () => {
    expect(() =>
      recordingRuleLevels([
        { record: 'a', expr: 'b + 1' },
        { record: 'b', expr: 'a + 1' },
      ])
    ).toThrow(/cycle|depends/);
  });

  test('alerts become ALERTS recording rules; for: gives a pending and a firing rule', () => {
    const rules = alertsAsRecordingRules(
      [
        { alert: 'Now', expr: 'x > 1', labels: { severity: 'P0' } },
        { alert: 'Later', expr: 'y > 1', for: '3m' },
      ],
      60,
      NAMES
    );
    expect(rules).toHaveLength(3);
    expect(rules[0]).toEqual({
      record: 'ALERTS',
      expr: '((x > 1) * 0 + 1)',
      labels: { severity: 'P0', alertname: 'Now', alertstate: 'firing' },
    });
    expect(rules[1]!.expr).toBe('((count_over_time(((y > 1) * 0 + 1)[3m:60s]) >= 3) * 0 + 1)');
    expect(rules[2]!.labels).toEqual({ alertname: 'Later', alertstate: 'pending' });
    expect(() => durationSeconds('3 minutes')).toThrow(/duration/);
  });
});
