import React from 'react';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2, PanelPlugin, type PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { harnessTestIds } from '../runtime/harnessTestIds';

/** Rows drawn at most: the stand-in proves the tab renders the trace frame, it is not a trace viewer. */
const MAX_ROWS = 500;

function column(frame: DataFrame, name: string): unknown[] {
  return frame.fields.find((f) => f.name === name)?.values ?? [];
}

/**
 * STAND-IN for Grafana's `traces` panel (the "Raw trace" tab): Grafana's real panel is a core plugin of the
 * Grafana server, not an npm package. It lists the spans of the trace frame the Tempo datasource returned
 * (name, service, start offset, duration, status), so the tab renders instead of failing by panel id.
 */
function TracesStandIn({ data }: PanelProps) {
  const styles = useStyles2(getStyles);
  const frame = data.series.find((f) => f.meta?.preferredVisualisationType === 'trace') ?? data.series[0];
  if (!frame || frame.length === 0) {
    return <div className="panel-empty">No data</div>;
  }
  const ids = column(frame, 'spanID');
  const names = column(frame, 'operationName');
  const services = column(frame, 'serviceName');
  const starts = column(frame, 'startTime').map(Number);
  const durations = column(frame, 'duration').map(Number);
  const statuses = column(frame, 'statusCode');
  const t0 = Math.min(...starts);
  const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
  return (
    <div className={styles.wrap} data-testid={harnessTestIds.tracesPanel} data-spans={frame.length}>
      <div className={styles.note}>traces panel (page harness stand-in): {frame.length} spans</div>
      <ol className={styles.list}>
        {order.slice(0, MAX_ROWS).map((i) => (
          <li key={String(ids[i])} data-testid={harnessTestIds.tracesPanelSpan} data-span-id={String(ids[i])}>
            <span>{String(names[i])}</span> <span className={styles.muted}>{String(services[i])}</span>{' '}
            <span className={styles.muted}>
              +{(starts[i]! - t0).toFixed(1)} ms, {durations[i]!.toFixed(1)} ms
            </span>
            {statuses[i] === 'error' && <span className={styles.error}> error</span>}
          </li>
        ))}
      </ol>
      {frame.length > MAX_ROWS && <div className={styles.note}>… and {frame.length - MAX_ROWS} more spans</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ height: '100%', overflow: 'auto', fontSize: theme.typography.bodySmall.fontSize }),
  note: css({ color: theme.colors.text.secondary, fontStyle: 'italic', marginBottom: theme.spacing(1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(3) }),
  muted: css({ color: theme.colors.text.secondary }),
  error: css({ color: theme.colors.error.text }),
});

export const tracesPanel = new PanelPlugin(TracesStandIn);
