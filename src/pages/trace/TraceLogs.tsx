import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { logsOfTraceQuery } from '../../queries/logql';
import { formatMs } from '../../components/waterfall/formatDuration';
import { type LogLine, queryLoki } from './traceLogs';

/** Loki keeps a line's timestamp, the trace its spans' times: look a little around the trace. */
const MARGIN_MS = 5 * 60_000;

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; lines: LogLine[] };

const LEVEL_COLOR: Record<string, 'red' | 'orange' | 'blue' | 'purple'> = {
  error: 'red',
  warn: 'orange',
  info: 'blue',
  debug: 'purple',
};

/** The trace's log lines from Loki (by their trace_id metadata); a line's span opens that span in the waterfall. */
export function TraceLogs({
  lokiUid,
  traceId,
  startMs,
  endMs,
  onSpan,
}: {
  lokiUid: string;
  traceId: string;
  startMs: number;
  endMs: number;
  onSpan: (spanId: string) => void;
}) {
  const styles = useStyles2(getStyles);
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    queryLoki(lokiUid, logsOfTraceQuery(traceId), startMs - MARGIN_MS, endMs + MARGIN_MS).then(
      (lines) => live && setState({ kind: 'ready', lines }),
      (error: Error) => live && setState({ kind: 'error', message: error.message })
    );
    return () => {
      live = false;
    };
  }, [lokiUid, traceId, startMs, endMs]);

  return (
    <section className={styles.section} data-testid={testIds.trace.logs} data-state={state.kind}>
      <Text element="h3">{t('trace.logs.title', 'Log lines of this trace')}</Text>
      {state.kind === 'loading' && (
        <LoadingPlaceholder text={t('trace.logs.loading', 'Reading log lines from Loki…')} />
      )}
      {state.kind === 'error' && (
        <Text color="error">
          {t(
            'trace.logs.error',
            'Could not read log lines from Loki: {{message}}. Check the Loki datasource picked above.',
            {
              message: state.message,
            }
          )}
        </Text>
      )}
      {state.kind === 'ready' && state.lines.length === 0 && (
        <Text color="secondary">
          {t(
            'trace.logs.none',
            'Loki has no log lines with this trace id. A line carries trace_id (structured metadata) only when it was logged while a span was active; lines may also have aged out of retention.'
          )}
        </Text>
      )}
      {state.kind === 'ready' && state.lines.length > 0 && (
        <ol className={styles.lines}>
          {state.lines.map((line, i) => (
            <li key={i} className={styles.line} data-testid={testIds.trace.logLine} data-level={line.level}>
              <span className={styles.time}>+{formatMs(line.timeMs - startMs)}</span>
              <Badge color={LEVEL_COLOR[line.level] ?? 'purple'} text={line.level || '—'} />
              {line.stage && <span className={styles.muted}>{line.stage}</span>}
              {line.event && <code>{line.event}</code>}
              <span className={styles.message}>{line.message}</span>
              {line.spanId && (
                <button type="button" className={styles.spanLink} onClick={() => onSpan(line.spanId!)}>
                  {t('trace.logs.open-span', 'span {{id}}', { id: line.spanId })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  lines: css({ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflowY: 'auto' }),
  line: css({
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'baseline',
    flexWrap: 'wrap',
    fontSize: theme.typography.bodySmall.fontSize,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    padding: `2px 0`,
  }),
  time: css({ fontFamily: theme.typography.fontFamilyMonospace, color: theme.colors.text.secondary }),
  muted: css({ color: theme.colors.text.secondary }),
  message: css({ overflowWrap: 'anywhere' }),
  spanLink: css({
    all: 'unset',
    cursor: 'pointer',
    color: theme.colors.text.link,
    fontFamily: theme.typography.fontFamilyMonospace,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
});
