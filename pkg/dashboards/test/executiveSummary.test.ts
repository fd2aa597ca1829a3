import { PAGE, PAGING_SEVERITIES } from '@hybridlens/conventions';
import { EXECUTIVE_SUMMARY_UID, PRICE_MODEL_TEXT, isEmptyWhenHealthy } from '../src';
import { allPanels, dashboardQueries, panelLinks } from './support/dashboardQueries';
import { committedDashboards } from './support/committed';

const summary = committedDashboards().find((d) => d.uid === EXECUTIVE_SUMMARY_UID)!;
const panels = allPanels(summary).filter((p) => p.type !== 'text');
const byTitle = (pattern: RegExp) => panels.filter((p) => pattern.test(p.title));

/** Words a weekly reader should not have to know. */
const JARGON = /promql|rate\b|p\d\d|quantile|histogram|increase|_total|\bsum\b|\{|\[|burn|sli\b|ratio/i;

describe('executive summary', () => {
  it('covers the last 7 days by default', () => {
    expect(summary.time).toEqual({ from: 'now-7d', to: 'now' });
  });

  it('speaks plain words: no query jargon in any title or description', () => {
    for (const panel of allPanels(summary)) {
      expect({ title: panel.title, jargon: JARGON.test(panel.title) }).toEqual({ title: panel.title, jargon: false });
      expect({ title: panel.title, jargon: JARGON.test(panel.description ?? '') }).toEqual({
        title: panel.title,
        jargon: false,
      });
    }
  });

  it('every panel links into the app for detail', () => {
    for (const panel of panels) {
      expect({ title: panel.title, links: (panel.links ?? []).length > 0 }).toEqual({
        title: panel.title,
        links: true,
      });
    }
    const pages = new Set(panels.flatMap(panelLinks).map((l) => l.url.split('?')[0]));
    for (const page of [PAGE.overview, PAGE.slos, PAGE.providers, PAGE.playbooks, PAGE.sloDetail]) {
      expect([...pages].some((p) => p!.includes(`/${page.path.split('/:')[0]}`))).toBe(true);
    }
  });

  it('has each part of the brief: SLO status and budget, volume, spend by provider with its price model, incidents with duration, week over week', () => {
    const slo = byTitle(/service levels/i)[0]!;
    expect(slo.targets!.map((t) => t.expr).join('\n')).toMatch(/slo:error_budget_remaining:ratio/);
    expect(JSON.stringify(slo)).toMatch(/Missed.*At risk.*On track/s);
    expect(byTitle(/^Requests served$/)).toHaveLength(1);
    const spend = byTitle(/spend by provider/i)[0]!;
    expect(spend.targets![0]!.expr).toMatch(/by \(provider\)/);
    for (const panel of byTitle(/spend/i)) {
      expect(panel.description).toContain(PRICE_MODEL_TEXT);
    }
    const incidents = byTitle(/^Incidents in/)[0]!;
    expect(incidents.targets!.map((t) => t.expr).join('\n')).toMatch(/count_over_time\(ALERTS\{alertstate="firing"\}/);
    expect(JSON.stringify(incidents)).toContain('Time firing');
    expect(isEmptyWhenHealthy(incidents.description)).toBe(true);
    const changes = byTitle(/vs the 7 days before/);
    expect(changes.map((p) => p.title)).toHaveLength(4);
    for (const panel of changes) {
      expect(panel.targets![0]!.expr).toContain('offset $__range');
    }
    expect(byTitle(/paged someone/)[0]!.targets![0]!.expr).toContain(`severity=~"${PAGING_SEVERITIES.join('|')}"`);
  });

  it('marks paging incidents on the time series as annotations', () => {
    const annotation = dashboardQueries(summary).find((q) => q.where.startsWith('annotation'));
    expect(annotation?.expr).toBe(`ALERTS{alertstate="firing",severity=~"${PAGING_SEVERITIES.join('|')}"}`);
  });
});
