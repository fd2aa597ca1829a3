import { LABEL, QUANTUM_PROVIDER, QUANTUM_PROVIDER_NAME } from '@hybridlens/conventions';
import { CALIBRATION_UID, SRE_OVERVIEW_UID } from '../src';
import { providerDisplayNameOverrides } from '../src/panels/providerNames';
import { committedDashboards } from './support/committed';
import { queryResultVariables } from './support/dashboardQueries';
import { pickerOptions, queryResultLine } from './support/variableOptions';

interface Override {
  matcher: { id: string; options?: unknown };
  properties: Array<{ id: string; value: unknown }>;
}
interface Panel {
  type: string;
  title?: string;
  targets?: Array<{ legendFormat?: string }>;
  transformations?: Array<{ id: string; options: { renameByName?: Record<string, string> } }>;
  fieldConfig?: { overrides: Override[] };
  panels?: Panel[];
}

/** A `byRegexp` matcher's option as Grafana reads it (`/pattern/flags`, or a bare pattern anchored both ends). */
function stringToJsRegex(text: string): RegExp {
  const slashed = /^\/(.*)\/([gimsuy]*)$/.exec(text);
  return slashed ? new RegExp(slashed[1]!, slashed[2]) : new RegExp(`^${text}$`);
}

const PROVIDER_IDS = Object.values(QUANTUM_PROVIDER);
const panels = committedDashboards().flatMap((d) =>
  (d.panels as unknown as Panel[]).flatMap((p) => [p, ...(p.panels ?? [])]).map((p) => ({ uid: d.uid, panel: p }))
);

/** A legend as Grafana's Prometheus datasource renders it for a series with these labels. */
const renderLegend = (legend: string, labels: Record<string, string>) =>
  legend.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, label: string) => labels[label] ?? '');

/** `${__field.labels.x}` in a display name, as Grafana interpolates it for the series. */
const interpolateFieldLabels = (text: string, labels: Record<string, string>) =>
  text.replace(/\$\{__field\.labels\.(\w+)\}/g, (_m, label: string) => labels[label] ?? '');

/** The display name Grafana gives a series: the first matching `byRegexp` override's, else the legend text. */
function displayNameOf(overrides: Override[], legendText: string, labels: Record<string, string>): string {
  const matching = overrides.filter(
    (o) => o.matcher.id === 'byRegexp' && stringToJsRegex(String(o.matcher.options)).test(legendText)
  );
  expect(matching.length).toBeLessThanOrEqual(1);
  const displayName = matching[0]?.properties.find((p) => p.id === 'displayName')?.value;
  return typeof displayName === 'string' ? interpolateFieldLabels(displayName, labels) : legendText;
}

const showsRawId = (text: string, id: string) => text.split(/[\s/(),→]+/).includes(id);

describe('providers by name on every bundled dashboard', () => {
  const legends = panels.flatMap(({ uid, panel }) =>
    (panel.targets ?? [])
      .map((t) => t.legendFormat)
      .filter((legend): legend is string => legend?.includes(`{{${LABEL.provider}}}`) === true)
      .map((legend) => ({ uid, panel, legend }))
  );

  it('finds the panels whose series are named by provider on each dashboard', () => {
    expect(new Set(legends.map((l) => l.uid)).size).toBe(committedDashboards().length);
  });

  it.each(PROVIDER_IDS)('names the series of provider %s by its contract name in every legend', (id) => {
    for (const { panel, legend } of legends) {
      const labels = { [LABEL.provider]: id, [LABEL.backend]: `${id}_backend_1`, [LABEL.errorType]: 'timeout' };
      const shown = displayNameOf(panel.fieldConfig?.overrides ?? [], renderLegend(legend, labels), labels);
      expect({ panel: panel.title, shown }).toEqual({
        panel: panel.title,
        shown: renderLegend(legend, { ...labels, [LABEL.provider]: QUANTUM_PROVIDER_NAME[id] }),
      });
      expect(showsRawId(shown, id)).toBe(false);
    }
  });

  it('leaves a provider outside the contract as it came (never hidden)', () => {
    for (const { panel, legend } of legends) {
      const labels = { [LABEL.provider]: 'quantinuum', [LABEL.backend]: 'H2', [LABEL.errorType]: 'timeout' };
      const text = renderLegend(legend, labels);
      expect(displayNameOf(panel.fieldConfig?.overrides ?? [], text, labels)).toBe(text);
    }
  });

  it('maps every contract provider to its name in every table column of provider ids', () => {
    const tables = panels.filter(({ panel }) => panel.type === 'table');
    const providerColumns = tables.flatMap(({ panel }) => {
      const column = panel.transformations
        ?.map((t) => t.options.renameByName?.[LABEL.provider])
        .find((name): name is string => Boolean(name));
      return column ? [{ panel, column }] : [];
    });
    // The calibration table, the incidents of the executive summary and the SRE overview's firing alerts.
    expect(providerColumns.map((c) => c.panel.title)).toHaveLength(3);
    for (const { panel, column } of providerColumns) {
      const mappings = (panel.fieldConfig?.overrides ?? [])
        .filter((o) => o.matcher.id === 'byName' && o.matcher.options === column)
        .flatMap((o) => o.properties.filter((p) => p.id === 'mappings'))
        .flatMap((p) => p.value as Array<{ type: string; options: Record<string, { text: string }> }>);
      const names = Object.fromEntries(
        PROVIDER_IDS.map((id) => [id, mappings.find((m) => m.type === 'value')?.options[id]?.text])
      );
      expect({ panel: panel.title, names }).toEqual({ panel: panel.title, names: QUANTUM_PROVIDER_NAME });
    }
  });
});

describe('providerDisplayNameOverrides', () => {
  it('matches only the legend text of its own provider, with any text for the other labels', () => {
    const [ibm] = providerDisplayNameOverrides('T1 {{provider}} / {{backend}}');
    const pattern = stringToJsRegex(String(ibm!.matcher.options));
    expect(pattern.test('T1 ibm / ibm_sherbrooke')).toBe(true);
    expect(pattern.test('T1 ibmx / ibm_sherbrooke')).toBe(false);
    expect(pattern.test('2-qubit error ibm / ibm_sherbrooke')).toBe(false);
    expect(ibm!.properties).toEqual([{ id: 'displayName', value: 'T1 IBM Quantum / ${__field.labels.backend}' }]);
  });

  it('gives a legend without the provider no override', () => {
    expect(providerDisplayNameOverrides('{{model}}')).toEqual([]);
  });
});

describe('the provider pickers show names and select ids', () => {
  const pickers = committedDashboards().flatMap((d) =>
    d.templating.list.filter((v) => v.name === LABEL.provider).map((variable) => ({ uid: d.uid, variable }))
  );
  const resultVariables = committedDashboards().flatMap((d) =>
    queryResultVariables(d).filter((v) => v.name === LABEL.provider)
  );

  it('finds a provider picker on the SRE overview and the calibration dashboard, each listing query results', () => {
    expect(pickers.map((p) => p.uid).sort()).toEqual([CALIBRATION_UID, SRE_OVERVIEW_UID].sort());
    expect(resultVariables).toHaveLength(pickers.length);
  });

  it.each(PROVIDER_IDS)('names provider %s by its contract name and keeps its id as the value', (id) => {
    for (const variable of resultVariables) {
      // The query names the id: the line Prometheus answers carries both labels, in its own (sorted) order.
      expect(variable.expr).toContain(
        `"${LABEL.providerName}", "${QUANTUM_PROVIDER_NAME[id]}", "${LABEL.provider}", "${id}")`
      );
      const line = queryResultLine({ [LABEL.provider]: id, [LABEL.providerName]: QUANTUM_PROVIDER_NAME[id] }, [
        1_796_000_000,
        '1',
      ]);
      const options = pickerOptions([line], variable.regex);
      expect(options).toEqual([{ text: QUANTUM_PROVIDER_NAME[id], value: id }]);
      expect(showsRawId(options[0]!.text, id)).toBe(false);
    }
  });

  it('shows a provider outside the contract by its id, and reads the labels in either order', () => {
    for (const variable of resultVariables) {
      const reversed = `{${LABEL.providerName}="quantinuum",${LABEL.provider}="quantinuum"} 1 1796000000000`;
      expect(pickerOptions([reversed], variable.regex)).toEqual([{ text: 'quantinuum', value: 'quantinuum' }]);
    }
  });

  it('would show raw ids without its regex (the test can fail)', () => {
    const line = queryResultLine({ [LABEL.provider]: 'ibm', [LABEL.providerName]: 'IBM Quantum' }, [1, '1']);
    expect(pickerOptions([line], '/provider="([^"]*)"/')).toEqual([{ text: 'ibm', value: 'ibm' }]);
  });
});
