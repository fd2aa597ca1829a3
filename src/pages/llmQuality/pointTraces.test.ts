import '../../testing/jsdomPolyfills';
import { of } from 'rxjs';
import {
  type DataQueryRequest,
  type DataSourceApi,
  FieldType,
  LoadingState,
  type PanelData,
  createDataFrame,
  getLinksSupplier,
} from '@grafana/data';
import { setRunRequest } from '@grafana/runtime';
import { VizPanel } from '@grafana/scenes';
import { DATASOURCE_UID, LABEL, QUERY_PARAM, VARIABLE, parseAppUrl, variableUrlParam } from '@hybridlens/conventions';
import { resolveSettings } from '../../settings/settings';
import { activateDataTree, findAll, installSceneTestEnv, settle } from '../../testing/sceneTestEnv';
import { uiText } from '../../ui';
import { buildLlmQualityScene } from './llmQualityPage';
import { LLM_TRENDS } from './llmQualityQueries';
import { DEFAULT_POINT_STEP_MS, pointTracesExploreUrl, pointTracesUrl, resolvePointTraces } from './pointTraces';
import { modelTracesTraceQl } from './traceLinks';

const AT = Date.UTC(2026, 11, 2, 14, 30);

function resolve(query: string) {
  return resolvePointTraces(new URLSearchParams(query));
}

describe('the traces of one trend point', () => {
  it('opens the one step that ends at the point, for the model of the point', () => {
    const url = new URL(pointTracesUrl({ model: 'gpt-4.1-mini', at: AT, step: 30_000 }), 'http://g.invalid');
    expect(resolvePointTraces(url.searchParams)).toEqual({
      ok: true,
      window: { model: 'gpt-4.1-mini', from: AT - 30_000, to: AT },
    });
    const explore = new URL(
      pointTracesExploreUrl('tempo-uid', { model: 'gpt-4.1-mini', from: AT - 30_000, to: AT }),
      'http://g.invalid'
    );
    const [pane] = Object.values(JSON.parse(explore.searchParams.get('panes')!) as Record<string, never>) as Array<{
      datasource: string;
      queries: Array<{ query: string }>;
      range: { from: string; to: string };
    }>;
    expect(pane!.datasource).toBe('tempo-uid');
    expect(pane!.queries[0]!.query).toBe(modelTracesTraceQl('gpt-4.1-mini'));
    expect(pane!.range).toEqual({ from: String(AT - 30_000), to: String(AT) });
  });

  it('takes a minute before the point when a hand-made link gives no step', () => {
    expect(resolve(`var-model=m1&at=${AT}`)).toEqual({
      ok: true,
      window: { model: 'm1', from: AT - DEFAULT_POINT_STEP_MS, to: AT },
    });
  });

  it.each([
    ['', { param: 'model', kind: 'missing' }],
    [`at=${AT}`, { param: 'model', kind: 'missing' }],
    [`var-model=a&var-model=b&at=${AT}`, { param: 'model', kind: 'several', values: ['a', 'b'] }],
    [
      `var-model=%24%7B__field.labels.model%7D&at=${AT}`,
      { param: 'model', kind: 'invalid', value: '${__field.labels.model}' },
    ],
    [`var-model=.*&at=${AT}`, { param: 'model', kind: 'invalid', value: '.*' }],
    [`var-model=${'m'.repeat(129)}&at=${AT}`, { param: 'model', kind: 'invalid', value: 'm'.repeat(129) }],
    ['var-model=m1', { param: 'at', kind: 'missing' }],
    ['var-model=m1&at=now', { param: 'at', kind: 'invalid', value: 'now' }],
    ['var-model=m1&at=-5', { param: 'at', kind: 'invalid', value: '-5' }],
    ['var-model=m1&at=1764685800', { param: 'at', kind: 'invalid', value: '1764685800' }],
    [`var-model=m1&at=${AT}.5`, { param: 'at', kind: 'invalid', value: `${AT}.5` }],
    [`var-model=m1&at=${AT}&at=${AT}`, { param: 'at', kind: 'several', values: [String(AT), String(AT)] }],
    [`var-model=m1&at=${AT}&step=0`, { param: 'step', kind: 'invalid', value: '0' }],
    [
      `var-model=m1&at=${AT}&step=%24%7B__interval_ms%7D`,
      { param: 'step', kind: 'invalid', value: '${__interval_ms}' },
    ],
    [`var-model=m1&at=${AT}&step=86400001`, { param: 'step', kind: 'invalid', value: '86400001' }],
  ])('refuses %j, naming the parameter', (query, problem) => {
    expect(resolve(query)).toEqual({ ok: false, problem });
  });
});

describe('the trend point link as Grafana fills it in', () => {
  beforeAll(() => installSceneTestEnv());

  it('carries the clicked point time, the query step, its model and the Tempo picked on the page', async () => {
    const step = 45_000;
    const times = [AT - 2 * step, AT - step, AT];
    // Grafana's runRequest keeps the request in the answer; the panel's `${__interval_ms}` reads the step from it.
    setRunRequest((_ds: DataSourceApi, request: DataQueryRequest) =>
      of<PanelData>({
        state: LoadingState.Done,
        timeRange: request.range,
        request: { ...request, intervalMs: step, interval: '45s' },
        series: request.targets.map((target) =>
          createDataFrame({
            refId: target.refId,
            fields: [
              { name: 'Time', type: FieldType.time, values: times },
              { name: 'Value', type: FieldType.number, values: [0.01, 0.2, 0.02], labels: { [LABEL.model]: 'm/1' } },
            ],
          })
        ),
      })
    );
    const scene = buildLlmQualityScene(resolveSettings(undefined));
    const title = uiText('llm-quality.tiles.hallucination-trend.title');
    const panel = findAll(scene, VizPanel).find((p) => p.state.title === title)!;
    // Read before activation: the tests' stand-in panel plugin has no standard options, so loading it drops them.
    const dataLinks = panel.state.fieldConfig.defaults.links ?? [];
    const deactivate = activateDataTree(scene);
    await settle(20);
    const [frame] = panel.state.$data!.state.data!.series;
    expect(frame!.refId).toBe(LLM_TRENDS.hallucination);
    const value = frame!.fields.find((f) => f.type === FieldType.number)!;
    // Grafana's own link supplier with the panel's interpolation (Scenes' macros and variables), at the spike.
    const links = getLinksSupplier(
      frame!,
      { ...value, config: { ...value.config, links: dataLinks } },
      {},
      panel.interpolate
    )({ valueRowIndex: 1 });
    const traces = links.find((l) => l.title.includes('m/1') && l.href.includes('/llm-quality/traces'));
    expect(links.map((l) => l.href)).toContain(traces?.href);
    expect(traces).toBeDefined();
    const parsed = parseAppUrl(traces!.href)!;
    expect(parsed.page).toBe('llmTraces');
    expect(parsed.variables[VARIABLE.model]).toEqual(['m/1']);
    expect(parsed.variables[VARIABLE.tempo]).toEqual([DATASOURCE_UID.tempo]);
    expect(parsed.query[QUERY_PARAM.at]).toBe(String(AT - step));
    expect(parsed.query[QUERY_PARAM.step]).toBe(String(step));
    const search = new URL(traces!.href, 'http://g.invalid').searchParams;
    expect(search.get(variableUrlParam(VARIABLE.model))).toBe('m/1');
    expect(resolvePointTraces(search)).toEqual({
      ok: true,
      window: { model: 'm/1', from: AT - 2 * step, to: AT - step },
    });
    deactivate();
  });
});
