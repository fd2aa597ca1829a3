import type { UPlotConfigBuilder } from '@grafana/ui';
import type uPlot from 'uplot';

/** The tick labels of each axis as uPlot last drew them (on canvas, so invisible to the DOM), by scale. */
export interface AxisLabels {
  [scale: string]: { labels: string[]; min: number | null; max: number | null };
}

const withProbe = new WeakSet<UPlotConfigBuilder>();

/**
 * Adds a draw hook that reports the axes' tick labels, so browser tests can check an axis range (e.g.
 * "within 0–100 %"). Runs while the chart's config is being built, before uPlot is created, once per config.
 */
export function recordAxisLabels(config: UPlotConfigBuilder, report: (labels: AxisLabels) => void): void {
  if (withProbe.has(config)) {
    return;
  }
  withProbe.add(config);
  config.addHook('draw', (u: uPlot) => {
    const labels: AxisLabels = {};
    for (const axis of u.axes) {
      const scale = axis.scale ?? '';
      // `_values` holds the formatted tick labels of the last draw (uPlot keeps them on the axis).
      const values = (axis as { _values?: Array<string | number | null> })._values ?? [];
      labels[scale] = {
        labels: values.map((v) => (v === null ? '' : String(v))),
        min: u.scales[scale]?.min ?? null,
        max: u.scales[scale]?.max ?? null,
      };
    }
    report(labels);
  });
}
