import React from 'react';
import {
  SceneObjectBase,
  VariableDependencyConfig,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { Alert } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { selectedValues } from '../../app/variableValues';
import { filterName } from '../../app/variables';
import { REQUEST_FILTERS, type FilterVariable } from '../../queries/filters';
import { SPAN_FILTERS } from '../../queries/lifecycle';

/** Filters that narrow the stage bars but not the request series (counts, quantiles, exemplars, Tempo search). */
export const ONLY_ON_SPANS: readonly FilterVariable[] = SPAN_FILTERS.filter((f) => !REQUEST_FILTERS.includes(f));

/**
 * Says which active filters narrow only the stage bars: the per-span histograms carry the provider that served a
 * quantum path, the request series do not, so the request counts and quantiles above each column, the exemplars
 * and the Tempo search still cover every provider, and classical requests (which have none) drop out of the bars.
 */
export class FilterNote extends SceneObjectBase<SceneObjectState> {
  protected _variableDependency = new VariableDependencyConfig(this, { variableNames: [...ONLY_ON_SPANS] });

  static Component = ({ model }: SceneComponentProps<FilterNote>) => {
    model.useState();
    const spanOnly = ONLY_ON_SPANS.filter((f) => selectedValues(model, f));
    if (spanOnly.length === 0) {
      return null;
    }
    return (
      <div data-testid={testIds.lifecycle.filterNote} data-span-only={spanOnly.join(',')}>
        <Alert severity="info" title={t('lifecycle.filter-note.title', 'Some filters apply to the stage bars only')}>
          {t(
            'lifecycle.filter-note.body',
            '{{filters}} narrows the stage bars to the requests a quantum job of that {{filters}} served (classical requests have none, so their column shows no stages). The request counts and quantiles above each column, the exemplars and the Tempo search cover every {{filters}}.',
            { filters: spanOnly.map(filterName).join(', ') }
          )}
        </Alert>
      </div>
    );
  };
}
