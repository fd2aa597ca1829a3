import {
  EmbeddedScene,
  SceneControlsSpacer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneReactObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  VariableValueSelectors,
  type SceneFlexItemLike,
} from '@grafana/scenes';
import type { VariableName } from '@hybridlens/conventions';
import type { AppContext } from './AppContext';
import { AlertBanner } from './AlertBanner';
import { SettingsProblems } from './SettingsProblems';
import { ShareLink } from './ShareLink';
import { pageVariables } from './variables';

export const DEFAULT_TIME_RANGE = { from: 'now-6h', to: 'now' } as const;

export interface PageSceneOptions {
  ctx: AppContext;
  /** Variables the page keeps in its URL. */
  variables: readonly VariableName[];
  children: SceneFlexItemLike[];
  /** Time range when the URL has none; default the last 6 hours. */
  defaultTimeRange?: { from: string; to: string };
}

/** Every page: time range + variables in the URL, pickers on top, the alert banner, then the page body. */
export function buildPageScene({
  ctx,
  variables,
  children,
  defaultTimeRange = DEFAULT_TIME_RANGE,
}: PageSceneOptions): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ ...defaultTimeRange }),
    $variables: pageVariables(ctx, variables),
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({}),
      new SceneRefreshPicker({}),
      new ShareLink({ baseUrl: ctx.settings.grafanaBaseUrl }),
    ],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        ...(ctx.problems.length > 0
          ? [
              new SceneFlexItem({
                height: 'auto',
                body: new SceneReactObject({ component: SettingsProblems, props: { problems: ctx.problems } }),
              }),
            ]
          : []),
        new SceneFlexItem({ height: 'auto', body: new AlertBanner({}) }),
        ...children,
      ],
    }),
  });
}
