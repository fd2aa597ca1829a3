import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { LinkButton } from '@grafana/ui';
import type { AppLink, VariableName } from '@hybridlens/conventions';
import { linkFromScene } from '../app/links';
import { testIds } from '../ui/testIds';

export interface TileLinkState extends SceneObjectState {
  label: string;
  link: AppLink;
  /** Label variables to carry besides the datasources. */
  carry?: VariableName[];
}

/** "Open …" in a tile's header: the tile's drilldown at the same time range and datasources. */
export class TileLink extends SceneObjectBase<TileLinkState> {
  href(): string {
    return linkFromScene(this, this.state.link, this.state.carry);
  }

  static Component = ({ model }: SceneComponentProps<TileLink>) => {
    const { label } = model.useState();
    // Re-render when time or variables change so the href stays current.
    sceneGraph.getTimeRange(model).useState();
    return (
      <LinkButton
        data-testid={testIds.tileLink}
        href={model.href()}
        size="sm"
        variant="secondary"
        fill="text"
        icon="arrow-right"
      >
        {label}
      </LinkButton>
    );
  };
}
