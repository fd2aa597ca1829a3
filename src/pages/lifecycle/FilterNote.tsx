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

/** Filters the page offers that the per-span histograms do not carry. */
const NOT_ON_SPANS: readonly FilterVariable[] = REQUEST_FILTERS.filter((f) => !SPAN_FILTERS.includes(f));

/**
 * Says which active filters the stage bars cannot apply (the per-span series carry route and path only): the
 * request counts and quantiles above each column, the exemplars and the Tempo search do apply them.
 */
export class FilterNote extends SceneObjectBase<SceneObjectState> {
  protected _variableDependency = new VariableDependencyConfig(this, { variableNames: [...NOT_ON_SPANS] });

  static Component = ({ model }: SceneComponentProps<FilterNote>) => {
    model.useState();
    const ignored = NOT_ON_SPANS.filter((f) => selectedValues(model, f));
    if (ignored.length === 0) {
      return null;
    }
    return (
      <div data-testid={testIds.lifecycle.filterNote} data-ignored={ignored.join(',')}>
        <Alert severity="info" title={t('lifecycle.filter-note.title', 'Some filters do not apply to the stage bars')}>
          {t(
            'lifecycle.filter-note.body',
            '{{filters}}: the per-span histograms carry only route and path, so the stage bars show every {{filters}}. Request counts and quantiles, exemplars and the Tempo search do apply them.',
            { filters: ignored.map(filterName).join(', ') }
          )}
        </Alert>
      </div>
    );
  };
}
