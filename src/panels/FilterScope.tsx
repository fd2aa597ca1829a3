import React from 'react';
import {
  SceneObjectBase,
  VariableDependencyConfig,
  type SceneComponentProps,
  type SceneObject,
  type SceneObjectState,
} from '@grafana/scenes';
import { Icon, Tooltip } from '@grafana/ui';
import { t } from '../i18n';
import { FILTER_VARIABLES, type FilterVariable } from '../queries/filters';
import { filterName } from '../app/variables';
import { selectedValues } from '../app/variableValues';
import { testIds } from '../ui/testIds';

export interface FilterScopeState extends SceneObjectState {
  /** The filters this tile's queries apply. */
  answersTo: readonly FilterVariable[];
}

/** Filters of the page that are set to something other than All. */
export function activeFilters(model: SceneObject): FilterVariable[] {
  return FILTER_VARIABLES.filter((name) => selectedValues(model, name) !== undefined);
}

/**
 * In a tile's header: says which of the page's active filters the tile does not apply (its series do not
 * carry that label), so nobody reads an unfiltered number as a filtered one. Nothing when all apply.
 */
export class FilterScope extends SceneObjectBase<FilterScopeState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [...FILTER_VARIABLES],
    onReferencedVariableValueChanged: () => this.forceRender(),
  });

  ignoredFilters(): FilterVariable[] {
    return activeFilters(this).filter((name) => !this.state.answersTo.includes(name));
  }

  static Component = ({ model }: SceneComponentProps<FilterScope>) => {
    model.useState();
    const ignored = model.ignoredFilters();
    if (ignored.length === 0) {
      return null;
    }
    const names = ignored.map(filterName).join(', ');
    const text = t('tiles.filter-scope.ignored', 'Not filtered by {{names}}: this data does not carry those labels.', {
      names,
    });
    return (
      <Tooltip content={text}>
        <span data-testid={testIds.tileFilterScope} data-ignored={ignored.join(',')} aria-label={text} role="note">
          <Icon name="filter" />
        </span>
      </Tooltip>
    );
  };
}

/** The sentence each tile's description ends with: which filters apply. */
export function filterScopeDescription(answersTo: readonly FilterVariable[]): string {
  return answersTo.length === 0
    ? t('tiles.filter-scope.none', 'Filters on this page do not apply to this tile.')
    : t('tiles.filter-scope.some', 'Filtered by {{names}}.', { names: answersTo.map(filterName).join(', ') });
}
