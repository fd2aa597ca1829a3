import '../testing/jsdomPolyfills';
import React from 'react';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { LoadingState, type PanelData, getDefaultTimeRange } from '@grafana/data';
import { EmbeddedScene, SceneObjectBase, SceneQueryRunner, type SceneComponentProps } from '@grafana/scenes';
import { activateDataTree, installSceneTestEnv, instantFrame, settle } from '../testing/sceneTestEnv';
import { testIds, uiText } from '../ui';
import { DataStates } from './DataStates';
import { dataStatus } from './dataStatus';

const env = installSceneTestEnv();

class Body extends SceneObjectBase {
  static Component = (_: SceneComponentProps<Body>) => <div data-testid="body">the data</div>;
}

function sceneWith(states: DataStates): EmbeddedScene {
  return new EmbeddedScene({ body: states });
}

async function show(states: DataStates) {
  const scene = sceneWith(states);
  const undo = activateDataTree(scene);
  await settle(20);
  const view = render(
    <MemoryRouter>
      <states.Component model={states} />
    </MemoryRouter>
  );
  return () => {
    view.unmount();
    undo();
  };
}

const runner = () =>
  new SceneQueryRunner({
    datasource: { uid: 'hybridlens-prometheus', type: 'prometheus' },
    queries: [{ refId: 'A', expr: 'up' }],
  });

describe('dataStatus', () => {
  const data = (patch: Partial<PanelData>): PanelData => ({
    state: LoadingState.Done,
    series: [],
    timeRange: getDefaultTimeRange(),
    ...patch,
  });

  it('loading until the first answer; a refresh keeps the previous answer on screen', () => {
    expect(dataStatus(undefined)).toEqual({ kind: 'loading' });
    expect(dataStatus(data({ state: LoadingState.NotStarted }))).toEqual({ kind: 'loading' });
    expect(dataStatus(data({ state: LoadingState.Loading }))).toEqual({ kind: 'loading' });
    const frame = instantFrame({}, 1);
    expect(dataStatus(data({ state: LoadingState.Loading, series: [frame] }))).toMatchObject({ kind: 'ready' });
  });

  it('an error wins over partial data; empty is decided by the caller', () => {
    const frame = instantFrame({}, 1);
    expect(dataStatus(data({ series: [frame], errors: [{ message: 'bad_data: parse error' }] }))).toEqual({
      kind: 'error',
      messages: ['bad_data: parse error'],
    });
    expect(dataStatus(data({ state: LoadingState.Error }))).toEqual({ kind: 'error', messages: [] });
    expect(dataStatus(data({}))).toEqual({ kind: 'empty' });
    expect(dataStatus(data({ series: [frame] }), () => true)).toEqual({ kind: 'empty' });
  });
});

describe('DataStates', () => {
  it('shows the body once there is data', async () => {
    env.setFrames(() => [instantFrame({}, 1)]);
    const done = await show(new DataStates({ $data: runner(), subject: 'widgets', body: new Body({}) }));
    expect(screen.getByTestId('body')).toBeInTheDocument();
    done();
  });

  it('says what could not be read, what Prometheus said, and where to check the datasource', async () => {
    env.setFrames(() => {
      throw new Error('bad_data: 1:5: parse error');
    });
    const done = await show(new DataStates({ $data: runner(), subject: 'widgets', body: new Body({}) }));
    const error = screen.getByTestId(testIds.states.error);
    expect(error).toHaveTextContent(uiText('states.error.title', { subject: 'widgets' }));
    expect(screen.getByTestId(testIds.states.errorDetail)).toHaveTextContent('bad_data: 1:5: parse error');
    expect(error.querySelector('a')!.getAttribute('href')).toBe('/plugins/hybridlens-observability-app');
    expect(screen.queryByTestId('body')).toBeNull();
    done();
  });

  it('an empty answer shows the empty state, the default or the page own', async () => {
    env.setFrames(() => []);
    let done = await show(new DataStates({ $data: runner(), subject: 'widgets', body: new Body({}) }));
    expect(screen.getByTestId(testIds.states.empty)).toHaveTextContent(
      uiText('states.empty.title', { subject: 'widgets' })
    );
    done();
    done = await show(
      new DataStates({
        $data: runner(),
        subject: 'widgets',
        body: new Body({}),
        Empty: () => <div data-testid="own-empty">no widgets yet: start the widget exporter</div>,
      })
    );
    expect(screen.getByTestId('own-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('body')).toBeNull();
    done();
  });

  it('shows the loading state while the query runs', () => {
    env.setFrames(() => new Promise(() => {}));
    const states = new DataStates({ $data: runner(), subject: 'widgets', body: new Body({}) });
    const undo = activateDataTree(sceneWith(states));
    render(<states.Component model={states} />);
    expect(screen.getByTestId(testIds.states.loading)).toHaveTextContent(
      uiText('states.loading', { subject: 'widgets' })
    );
    undo();
  });
});
