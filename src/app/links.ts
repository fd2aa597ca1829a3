import { isDateTime, type RawTimeRange } from '@grafana/data';
import { sceneGraph, type SceneObject } from '@grafana/scenes';
import {
  type AppLink,
  type LinkValue,
  VARIABLE,
  type VariableName,
  buildAppUrl,
  templateValue,
} from '@hybridlens/conventions';
import { selectedValues } from './variableValues';

/** Datasource choices follow the user from page to page; label filters only where a link asks for them. */
export const CARRIED_VARIABLES: readonly VariableName[] = [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki];

function rawTime(value: RawTimeRange['from']): string {
  return isDateTime(value) ? String(value.valueOf()) : String(value);
}

/**
 * A link to another page that keeps what the user is looking at: the time range and the
 * datasources (plus `carry`), unless the link sets them itself. Built with buildAppUrl, like every link.
 */
export function linkFromScene(model: SceneObject, link: AppLink, carry: readonly VariableName[] = []): string {
  const range = sceneGraph.getTimeRange(model).state.value.raw;
  const variables: Partial<Record<VariableName, LinkValue | readonly LinkValue[]>> = {};
  for (const name of [...CARRIED_VARIABLES, ...carry]) {
    const values = selectedValues(model, name);
    if (values) {
      variables[name] = values;
    }
  }
  return buildAppUrl({
    ...link,
    time: link.time ?? { from: rawTime(range.from), to: rawTime(range.to) },
    variables: { ...variables, ...link.variables },
  });
}

/**
 * A link for a panel's data links: Grafana fills the templates per value when the user clicks
 * (`${__from}`, `${prometheus}`, `${__field.labels.slo}`, ...), so the target opens at the panel's time.
 */
export function panelDataLink(link: AppLink): string {
  return buildAppUrl({
    ...link,
    time: { from: templateValue('${__from}'), to: templateValue('${__to}') },
    variables: { [VARIABLE.prometheus]: templateValue(`\${${VARIABLE.prometheus}}`), ...link.variables },
  });
}

/** Template for a label of the clicked series in a data link. */
export function seriesLabel(label: string) {
  return templateValue(`\${__field.labels.${label}}`);
}
