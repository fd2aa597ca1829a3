import React from 'react';
import type { DataFrame } from '@grafana/data';
import {
  SceneObjectBase,
  sceneGraph,
  type SceneComponentProps,
  type SceneObject,
  type SceneObjectState,
} from '@grafana/scenes';
import { t } from '../i18n';
import { dataStatus } from './dataStatus';
import { EmptyMessage, ErrorMessage, LoadingMessage } from './StateMessages';

export interface DataStatesState extends SceneObjectState {
  /** Rendered once there is data; reads it with sceneGraph.getData like any scene object. */
  body: SceneObject;
  /** What is being read, as the messages name it ("SLOs", "alert states"). */
  subject: string;
  /** When the answer counts as empty; default: no series at all. */
  isEmpty?: (series: DataFrame[]) => boolean;
  /** The empty state (given this object, to build links from the scene); default: "no data" for the subject. */
  Empty?: React.ComponentType<{ model: SceneObject }>;
}

/**
 * Loading, error and empty states for every page, in one place: wraps a scene object that only has to
 * render the data. Put `$data` on this object (or above it); the body finds it the usual way.
 */
export class DataStates extends SceneObjectBase<DataStatesState> {
  static Component = DataStatesRenderer;
}

function DataStatesRenderer({ model }: SceneComponentProps<DataStates>) {
  const { body, subject, isEmpty, Empty } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const status = dataStatus(data, isEmpty);
  switch (status.kind) {
    case 'loading':
      return <LoadingMessage text={t('states.loading', 'Reading {{subject}} from Prometheus…', { subject })} />;
    case 'error':
      return (
        <ErrorMessage
          title={t('states.error.title', 'Could not read {{subject}} from Prometheus', { subject })}
          messages={status.messages}
        />
      );
    case 'empty':
      return Empty ? (
        <Empty model={model} />
      ) : (
        <EmptyMessage title={t('states.empty.title', 'No {{subject}} in this time range', { subject })} />
      );
    case 'ready':
      return <body.Component model={body} />;
  }
}
