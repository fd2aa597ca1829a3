import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT } from '@hybridlens/conventions';
import { describeWithBinary } from '@hybridlens/testkit';
import { DEFAULT_INCIDENT, FAULT_KIND } from '../src';
import {
  BUDGET_LEFT_RANGE,
  type DemoReport,
  demoProblems,
  EXHAUSTED_SLO,
  measureDemoHistory,
} from '../scripts/demoExpectations';

const END = Date.parse('2026-11-26T00:00:00Z');

describeWithBinary('promtool', 'apt-get install prometheus', 'the default 7-day history, as a user sees it', () => {
  let work: string;
  let report: DemoReport;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-sim-demo-'));
    report = await measureDemoHistory({
      days: 7,
      end: END,
      workDir: work,
      log: (m) => process.env.HL_DEBUG && console.log(m),
    });
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`exhausts exactly one SLO, ${EXHAUSTED_SLO}, and the named incident alone did it`, () => {
    const exhausted = [...report.budgets].filter(([, left]) => left !== undefined && left <= 0).map(([slo]) => slo);
    expect(exhausted).toEqual([EXHAUSTED_SLO]);
    expect(report.incident.name).toBe(DEFAULT_INCIDENT);
    expect(report.incident.badEvents).toBeGreaterThan(report.incident.budgetEvents);
  });

  it(`leaves every other SLO with traffic ${BUDGET_LEFT_RANGE[0] * 100}-${BUDGET_LEFT_RANGE[1] * 100} % of its budget`, () => {
    const [low, high] = BUDGET_LEFT_RANGE;
    const others = [...report.budgets].filter(([slo, left]) => slo !== EXHAUSTED_SLO && left !== undefined);
    expect(others.length).toBeGreaterThanOrEqual(8);
    expect(others.filter(([, left]) => !(left! >= low && left! <= high))).toEqual([]);
    // Every SLO has events: job-success SLOs exist only for the providers the default topology routes jobs to.
    expect([...report.budgets].filter(([, left]) => left === undefined).map(([slo]) => slo)).toEqual([]);
  });

  it('fires alerts, and only inside fault windows plus their for and window lag', () => {
    const fired = new Set(report.firing.map((a) => a.alertname));
    for (const alert of [
      ALERT.sloBurnRate,
      ALERT.quantumHardwareFailures,
      ALERT.providerOutageReported,
      ALERT.quantumBacklogCritical,
      ALERT.llmHallucinationRate,
      ALERT.latencyP95OverSlo,
      ALERT.providerRateLimited,
    ]) {
      expect({ alert, fired: fired.has(alert) }).toEqual({ alert, fired: true });
    }
    expect(report.unexplained).toEqual([]);
  });

  it('shows every scheduled fault in its window', () => {
    expect(new Set(report.faults.map((f) => f.fault.kind))).toEqual(new Set(Object.values(FAULT_KIND)));
    expect(report.faults.filter((f) => !f.visible)).toEqual([]);
  });

  it('has no other problem', () => {
    expect(demoProblems(report)).toEqual([]);
  });
});
