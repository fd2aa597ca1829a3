import '../testing/jsdomPolyfills';
import {
  type DataFrame,
  type DataLink,
  type Field,
  type ValueMapping,
  FieldType,
  createDataFrame,
  createTheme,
  getDisplayProcessor,
} from '@grafana/data';
import { EmbeddedScene, SceneFlexLayout, sceneGraph } from '@grafana/scenes';
import { LABEL, QUANTUM_PROVIDER, QUANTUM_PROVIDER_NAME, parseAppUrl } from '@hybridlens/conventions';
import calibration from '../dashboards/calibration.json';

/**
 * The calibration dashboard's backend table shows providers by name (a value mapping on its Provider column) while
 * each backend's link must carry the provider's id. These tests interpolate the committed link as Grafana's scenes
 * dashboards do (`sceneGraph.interpolate` with the clicked cell as data context), and show why the table keeps a
 * hidden column of raw ids: `${__data.fields.<column>}` reads another column's display value, mappings applied, in
 * every format; only `${__value.raw}` is raw, and only for the column the link is on.
 */

interface Override {
  matcher: { id: string; options?: unknown };
  properties: Array<{ id: string; value: unknown }>;
}
interface TablePanel {
  type: string;
  title: string;
  fieldConfig: { overrides: Override[] };
  transformations: Array<{ id: string; options: { renameByName?: Record<string, string> } }>;
}

const table = (calibration.panels as unknown as TablePanel[]).find((p) => p.type === 'table')!;
const renames = Object.assign({}, ...table.transformations.map((t) => t.options.renameByName ?? {})) as Record<
  string,
  string
>;
const overridesOf = (column: string) =>
  table.fieldConfig.overrides.filter((o) => o.matcher.id === 'byName' && o.matcher.options === column);
const propertyOf = <T>(column: string, id: string) =>
  overridesOf(column)
    .flatMap((o) => o.properties)
    .find((p) => p.id === id)?.value as T | undefined;

/** The column whose link opens a backend's page, and the link. */
const linked = table.fieldConfig.overrides.find((o) => o.properties.some((p) => p.id === 'links'))!;
const backendLink = (linked.properties.find((p) => p.id === 'links')!.value as DataLink[])[0]!;

/** The hidden column of provider ids the link reads (the dashboard's query copies the `provider` label into it). */
const idColumn = /\$\{__data\.fields\.(\w+)/.exec(backendLink.url)![1]!;

/** The merged table as Grafana hands it to a link: label columns named by the query, shown by the organize rename. */
function tableFrame(provider: string, backend: string): DataFrame {
  const frame = createDataFrame({
    fields: [LABEL.provider, LABEL.backend, idColumn].map((name) => ({
      name,
      type: FieldType.string,
      values: [name === LABEL.backend ? backend : provider],
      config: {
        ...(renames[name] ? { displayName: renames[name] } : {}),
        mappings: propertyOf<ValueMapping[]>(renames[name] ?? name, 'mappings') ?? [],
      },
    })),
  });
  const theme = createTheme();
  for (const field of frame.fields) {
    field.display = getDisplayProcessor({ field, theme });
  }
  return frame;
}

function clickedLink(url: string, provider: string, backend: string): string {
  const frame = tableFrame(provider, backend);
  const field = frame.fields.find((f: Field) => (f.config.displayName ?? f.name) === linked.matcher.options)!;
  const scene = new EmbeddedScene({ body: new SceneFlexLayout({ children: [] }) });
  return sceneGraph.interpolate(scene, url, {
    __dataContext: { value: { data: [frame], frame, field, rowIndex: 0 } },
  });
}

describe('the calibration table’s backend link, as Grafana interpolates it', () => {
  it('is on the Backend column, the Provider column shows names, and the id column is hidden', () => {
    expect(linked.matcher.options).toBe(renames[LABEL.backend]);
    expect(propertyOf(renames[LABEL.provider]!, 'mappings')).toBeDefined();
    expect(propertyOf(idColumn, 'custom.hideFrom')).toMatchObject({ viz: true });
  });

  it.each(Object.values(QUANTUM_PROVIDER))('opens the backend page of provider %s by its id', (provider) => {
    const url = clickedLink(backendLink.url, provider, `${provider}_backend 1`);
    expect(parseAppUrl(url)).toMatchObject({
      page: 'providerDetail',
      params: { provider, backend: `${provider}_backend 1` },
    });
  });

  it('would carry the provider’s name, not its id, from the shown Provider column in any format', () => {
    const provider = QUANTUM_PROVIDER.ibm;
    for (const reference of ['', ':raw', ':percentencode', '.text']) {
      const url = backendLink.url.replace(/\$\{__data\.fields\.[^}]+\}/, `\${__data.fields.Provider${reference}}`);
      expect(decodeURIComponent(parseAppUrl(clickedLink(url, provider, 'b'))?.params.provider ?? '')).toBe(
        QUANTUM_PROVIDER_NAME[provider]
      );
    }
  });
});
