import React, { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { locationService } from '@grafana/runtime';
import { Alert, TextLink } from '@grafana/ui';
import { VARIABLE, buildAppUrl, variableUrlParam } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { type PointTracesProblem, pointTracesExploreUrl, pointTracesUrlParam, resolvePointTraces } from './pointTraces';

function problemText(problem: PointTracesProblem): string {
  const param = pointTracesUrlParam(problem.param);
  switch (problem.kind) {
    case 'missing':
      return t('llm-traces.problem.missing', 'The link has no "{{param}}" parameter.', { param });
    case 'several':
      return t('llm-traces.problem.several', 'The link has {{count}} values for "{{param}}"; it needs one.', {
        param,
        count: problem.values.length,
      });
    case 'invalid':
      return problem.param === 'model'
        ? t('llm-traces.problem.model', '"{{param}}" is "{{value}}", which is not a model name.', {
            param,
            value: problem.value,
          })
        : problem.param === 'at'
          ? t(
              'llm-traces.problem.at',
              '"{{param}}" is "{{value}}"; it must be a time in epoch milliseconds between 2000 and 2100.',
              { param, value: problem.value }
            )
          : t(
              'llm-traces.problem.step',
              '"{{param}}" is "{{value}}"; it must be a step in milliseconds from 1000 (1 s) to 86400000 (1 day).',
              { param, value: problem.value }
            );
  }
}

/**
 * Sends a trend point's link on to Explore (replacing the entry, so Back returns to the chart), or says which
 * parameter of the link is wrong. Reads the URL only, so the same link works again after a reload.
 */
export function PointTracesRedirect({ defaultTempoUid }: { defaultTempoUid: string }) {
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const resolution = useMemo(() => resolvePointTraces(search), [search]);
  const tempoUid = search.get(variableUrlParam(VARIABLE.tempo)) || defaultTempoUid;
  const target = resolution.ok ? pointTracesExploreUrl(tempoUid, resolution.window) : undefined;

  useEffect(() => {
    if (target) {
      locationService.replace(target);
    }
  }, [target]);

  if (resolution.ok) {
    return <div data-testid={testIds.llmQuality.pointTracesOpening} />;
  }
  return (
    <div data-testid={testIds.llmQuality.pointTracesProblem} data-param={pointTracesUrlParam(resolution.problem.param)}>
      <Alert severity="error" title={t('llm-traces.problem.title', 'This link to LLM traces is not valid')}>
        <p>{problemText(resolution.problem)}</p>
        <TextLink href={buildAppUrl({ page: 'llmQuality' })}>
          {t('llm-traces.problem.back', 'Open the LLM quality page')}
        </TextLink>
      </Alert>
    </div>
  );
}
