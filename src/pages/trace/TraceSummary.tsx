import React from 'react';
import { Badge, Stack, Text } from '@grafana/ui';
import type { TraceLifecycle } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from '../../components/waterfall/formatDuration';
import { stageName } from '../../components/waterfall/stageStyle';

/** What the trace is at a glance: the request, its duration and cost, where the time went, and any problems found. */
export function TraceSummary({ lifecycle: lc, api }: { lifecycle: TraceLifecycle; api: string }) {
  const root = lc.roots.length > 0 ? lc.spans[lc.roots[0]!] : undefined;
  const top = [...lc.stages].sort((a, b) => b.criticalPathMs - a.criticalPathMs).filter((s) => s.criticalPathMs > 0);
  const problems = Object.entries(lc.problems.counts).filter(([, n]) => (n ?? 0) > 0);
  const request = lc.request;
  return (
    <div data-testid={testIds.trace.header} data-trace-id={lc.traceId} data-api={api}>
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
