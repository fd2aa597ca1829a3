import { committedDashboards } from './support/committed';

describe.each(committedDashboards().map((d) => [d.uid, d] as const))('%s layout', (_uid, dashboard) => {
  it('saves every row open, its panels after it (a reader sees them without a click)', () => {
    dashboard.panels.forEach((panel, i) => {
      if (panel.type !== 'row') {
        return;
      }
      expect({ row: panel.title, collapsed: panel.collapsed, nested: panel.panels ?? [] }).toEqual({
        row: panel.title,
        collapsed: false,
        nested: [],
      });
      const next = dashboard.panels[i + 1];
      expect({ row: panel.title, followedByAPanel: next !== undefined && next.type !== 'row' }).toEqual({
        row: panel.title,
        followedByAPanel: true,
      });
    });
  });

  it('gives every panel a unique id', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
