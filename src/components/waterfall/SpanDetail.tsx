import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, IconButton, Stack, Text, useStyles2 } from '@grafana/ui';
import { type AttributeGroupName, type TraceLifecycle, groupAttributes } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from './formatDuration';
import { phaseLabel } from './JobRow';
import { stageName } from './stageStyle';

function groupTitle(group: AttributeGroupName): string {
  switch (group) {
    case 'genAi':
      return t('span-detail.group.gen-ai', 'GenAI');
    case 'llm':
      return t('span-detail.group.llm', 'LLM (prompt and output as hashes only)');
    case 'quantum':
      return t('span-detail.group.quantum', 'Quantum');
    case 'orchestrator':
      return t('span-detail.group.orchestrator', 'Orchestrator decision');
    case 'request':
      return t('span-detail.group.request', 'Request');
    default:
      return t('span-detail.group.other', 'Other attributes');
  }
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Everything about one span: timing (duration, self time, share of the critical path), stage and why, cost, the
 * LLM call (model, tokens, finish reasons, time to first token, evaluations), then its attributes grouped as the
 * contract groups them. Raw prompts and outputs never reach this pane: the trace reader drops them, and
 * the pane names what it dropped.
 */
export function SpanDetail({
  lifecycle,
  index,
  onClose,
}: {
  lifecycle: TraceLifecycle;
  index: number;
  onClose: () => void;
}) {
  const styles = useStyles2(getStyles);
  const s = lifecycle.spans[index];
  if (!s) {
    return null;
  }
  const llm = lifecycle.llmCalls.find((c) => c.spanIndex === index);
  const job = lifecycle.quantumJobs.find((j) => j.phases.some((p) => p.spanIndex === index));
  const facts: Array<[string, string]> = [
    [t('span-detail.stage', 'Stage'), `${stageName(s.stage)} (${s.stageSource})`],
    [t('span-detail.service', 'Service'), s.span.serviceName || '—'],
    [t('span-detail.kind', 'Kind'), s.span.kind],
    [t('span-detail.status', 'Status'), s.span.status + (s.span.statusMessage ? `: ${s.span.statusMessage}` : '')],
    [t('span-detail.start', 'Starts at'), `+${formatMs(s.offsetMs)}`],
    [t('span-detail.duration', 'Duration'), formatMs(s.durationMs)],
    [t('span-detail.self', 'Self time'), formatMs(s.selfMs)],
    [t('span-detail.critical', 'On the critical path'), formatMs(s.criticalPathMs)],
    [t('span-detail.span-id', 'Span id'), s.span.spanId],
  ];
  if (s.cost && (s.cost.quantumUsd > 0 || s.cost.inputTokens > 0 || s.cost.outputTokens > 0)) {
    facts.push([
      t('span-detail.cost', 'Cost (this span and below)'),
      t('span-detail.cost-value', '${{usd}} quantum · {{input}} input / {{output}} output tokens', {
        usd: s.cost.quantumUsd.toFixed(4),
        input: s.cost.inputTokens,
        output: s.cost.outputTokens,
      }),
    ]);
  }
  if (llm?.timeToFirstTokenMs !== undefined) {
    facts.push([t('span-detail.ttft', 'Time to first token'), formatMs(llm.timeToFirstTokenMs)]);
  }
  return (
    <aside className={styles.pane} data-testid={testIds.waterfall.detail} aria-label={s.span.name}>
      <div className={styles.header}>
        <Text element="h4" truncate>
          {s.span.name}
        </Text>
        <IconButton
          name="times"
          aria-label={t('span-detail.close', 'Close span details')}
          onClick={onClose}
          data-testid={testIds.waterfall.detailClose}
        />
      </div>
      <Stack direction="row" gap={1} wrap="wrap">
        {s.error && <Badge color="red" icon="exclamation-triangle" text={t('span-detail.error', 'error')} />}
        {(s.problems ?? []).map((p) => (
          <Badge key={p} color="orange" text={p} />
        ))}
      </Stack>
      {s.span.redacted && (
        <div data-testid={testIds.waterfall.redacted} data-count={s.span.redacted.length}>
          <Text color="secondary" variant="bodySmall">
            {t(
              'span-detail.redacted',
              'Redacted: {{count}} attributes or events carrying raw prompts or model output ({{keys}})',
              { count: s.span.redacted.length, keys: s.span.redacted.join(', ') }
            )}
          </Text>
        </div>
      )}
      <dl className={styles.facts}>
        {facts.map(([k, v]) => (
          <React.Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </React.Fragment>
        ))}
      </dl>
      {job && (
        <section data-testid={testIds.waterfall.jobPhases} data-job-id={job.jobId}>
          <Text element="h6">
            {t('span-detail.job-phases', 'Quantum job {{job}}: {{duration}}', {
              job: job.jobId ?? t('waterfall.job.no-id', '(no job id)'),
              duration: formatMs(job.durationMs),
            })}
          </Text>
          <ul className={styles.list}>
            {job.phases.map((p) => (
              <li key={p.spanId} data-phase={p.phase} aria-current={p.spanIndex === index ? 'true' : undefined}>
                {p.spanIndex === index ? <strong>{phaseLabel(p)}</strong> : phaseLabel(p)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {llm && llm.evaluations.length > 0 && (
        <section data-testid={testIds.waterfall.evaluations}>
          <Text element="h6">{t('span-detail.evaluations', 'Evaluations')}</Text>
          <ul className={styles.list}>
            {llm.evaluations.map((e, i) => (
              <li key={i}>
                {[e.name, e.label, e.score !== undefined ? String(e.score) : undefined].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {groupAttributes(s.span).map((group) => (
        <section key={group.group} data-testid={testIds.waterfall.attributeGroup} data-group={group.group}>
          <Text element="h6">{groupTitle(group.group)}</Text>
          <dl className={styles.facts}>
            {group.attributes.map(({ key, value }) => (
              <React.Fragment key={key}>
                <dt>{key}</dt>
                <dd>{valueText(value)}</dd>
              </React.Fragment>
            ))}
          </dl>
        </section>
      ))}
      {s.span.events.length > 0 && (
        <section>
          <Text element="h6">{t('span-detail.events', 'Events')}</Text>
          <ul className={styles.list}>
            {s.span.events.map((e, i) => (
              <li key={i}>
                +{formatMs(e.timeMs - lifecycle.startMs)} {e.name}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  pane: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    minWidth: 0,
    overflowWrap: 'anywhere',
  }),
  header: css({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: theme.spacing(1) }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    gap: `2px ${theme.spacing(1)}`,
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, fontFamily: theme.typography.fontFamilyMonospace },
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2), fontSize: theme.typography.bodySmall.fontSize }),
});
