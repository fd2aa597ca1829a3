import React, { useMemo } from 'react';
import { Badge, Button, Stack, Text } from '@grafana/ui';
import type { TraceLifecycle } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from '../../components/waterfall/formatDuration';
import { stageName } from '../../components/waterfall/stageStyle';
import { failedSpans, nextFailedSpan } from '../../components/waterfall/waterfallRows';

export interface TraceSummaryProps {
  lifecycle: TraceLifecycle;
  api: string;
  selectedIndex?: number;
  /** Select (and reveal) a span of the waterfall. */
  onSelectSpan: (index: number) => void;
}

/**
 * What the trace is at a glance: the request, its duration and cost, where the time went, how many spans failed
 * (with a button that walks to each, however deep it is collapsed), and any problems found.
 */
export function TraceSummary({ lifecycle: lc, api, selectedIndex, onSelectSpan }: TraceSummaryProps) {
  const failed = useMemo(() => failedSpans(lc), [lc]);
  const failedPosition = selectedIndex === undefined ? -1 : failed.indexOf(selectedIndex);
  const nextFailed = nextFailedSpan(failed, selectedIndex);
  const root = lc.roots.length > 0 ? lc.spans[lc.roots[0]!] : undefined;
  const top = [...lc.stages].sort((a, b) => b.criticalPathMs - a.criticalPathMs).filter((s) => s.criticalPathMs > 0);
  const problems = Object.entries(lc.problems.counts).filter(([, n]) => (n ?? 0) > 0);
  const request = lc.request;
  return (
    <div data-testid={testIds.trace.header} data-trace-id={lc.traceId} data-api={api} data-format={lc.format}>
      <Stack direction="column" gap={1}>
        <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
          <Text element="h2" truncate>
            {root?.span.name ?? t('trace.summary.no-root', 'trace')}
          </Text>
          <Text color="secondary">{lc.traceId}</Text>
          {root?.error && <Badge color="red" icon="exclamation-triangle" text={t('trace.summary.error', 'error')} />}
          {request?.degraded && <Badge color="orange" text={t('trace.summary.degraded', 'degraded (fallback)')} />}
        </Stack>
        <Text>
          {t('trace.summary.line', '{{duration}} · {{spans}} spans · {{services}} · {{request}}', {
            duration: formatMs(lc.durationMs),
            spans: lc.spans.length,
            services: lc.services.join(', ') || t('trace.summary.no-service', 'no service name'),
            request: [request?.method, request?.route, request?.statusCode, request?.region, request?.path]
              .filter((v) => v !== undefined && v !== '')
              .join(' '),
          })}
        </Text>
        <Text color="secondary">
          {t('trace.summary.where', 'Where the time went (critical path): {{stages}}', {
            stages: top
              .map((s) => `${stageName(s.stage)} ${(s.share * 100).toFixed(1)} % (${formatMs(s.criticalPathMs)})`)
              .join(' · '),
          })}
          {lc.cost.quantumUsd > 0 || lc.cost.inputTokens > 0
            ? ` · ${t('trace.summary.cost', 'cost ${{usd}} quantum, {{tokens}} tokens', {
                usd: lc.cost.quantumUsd.toFixed(4),
                tokens: lc.cost.inputTokens + lc.cost.outputTokens,
              })}`
            : ''}
        </Text>
        {failed.length > 0 && (
          <div data-testid={testIds.trace.failedSpans} data-count={failed.length}>
            <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
              <Badge
                color="red"
                icon="exclamation-triangle"
                text={t('trace.summary.failed-spans', '{{count}} spans failed', { count: failed.length })}
              />
              <Button
                size="sm"
                variant="secondary"
                icon="arrow-down"
                data-testid={testIds.trace.nextFailed}
                onClick={() => nextFailed !== undefined && onSelectSpan(nextFailed)}
              >
                {failedPosition < 0
                  ? t('trace.summary.first-failed', 'Show the first failed span')
                  : t('trace.summary.next-failed', 'Next failed span')}
              </Button>
              {failedPosition >= 0 && (
                <Text color="secondary" variant="bodySmall">
                  {t('trace.summary.failed-position', 'showing failed span {{position}} of {{count}}', {
                    position: failedPosition + 1,
                    count: failed.length,
                  })}
                </Text>
              )}
            </Stack>
          </div>
        )}
        {problems.length > 0 && (
          <div data-testid={testIds.trace.problems}>
            <Text color="warning" variant="bodySmall">
              {t('trace.summary.problems', 'Repaired while reading: {{problems}}', {
                problems: problems.map(([k, n]) => `${k} × ${n}`).join(', '),
              })}
            </Text>
          </div>
        )}
      </Stack>
    </div>
  );
}
