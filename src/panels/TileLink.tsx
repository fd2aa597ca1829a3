import React from 'react';
import {
  SceneObjectBase,
  VariableDependencyConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { LinkButton } from '@grafana/ui';
import type { AppLink, VariableName } from '@hybridlens/conventions';
import { t } from '../i18n';
import { CARRIED_VARIABLES, linkFromScene } from '../app/links';
import { testIds } from '../ui/testIds';

export interface TileLinkState extends SceneObjectState {
  /** Name of the page it opens, for the tooltip and screen readers. */
  label: string;
  link: AppLink;
  /** Label variables to carry besides the datasources. */
  carry?: VariableName[];
}

/**
 * "Open …" in a tile's header: the tile's drilldown at the same time range, datasources and carried filters.
 * An icon with a tooltip, so the header leaves the title its room.
 */
export class TileLink extends SceneObjectBase<TileLinkState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [...CARRIED_VARIABLES, ...(this.state.carry ?? [])],
    onReferencedVariableValueChanged: () => this.forceRender(),
  });

  href(): string {
    return linkFromScene(this, this.state.link, this.state.carry);
  }

  static Component = ({ model }: SceneComponentProps<TileLink>) => {
    const { label, link } = model.useState();
    // Re-render when the time range changes so the href stays current.
    sceneGraph.getTimeRange(model).useState();
    const text = t('tiles.open', 'Open {{page}}', { page: label });
    return (
      <LinkButton
        data-testid={testIds.tileLink}
        data-page={link.page}
        href={model.href()}
        size="sm"
        variant="secondary"
        fill="text"
        icon="arrow-right"
        tooltip={text}
        aria-label={text}
      />
    );
  };
}
