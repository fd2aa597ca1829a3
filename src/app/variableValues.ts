import { MultiValueVariable, sceneGraph, type SceneObject } from '@grafana/scenes';
import type { VariableName } from '@hybridlens/conventions';

const ALL = '$__all';

/**
 * The values a variable is set to, or undefined when it is unset or on "All" (every page's default).
 * Reads the selection, not getValue(): with a custom "All" value, getValue() returns an object that
 * only knows how to format itself into a query.
 */
export function selectedValues(model: SceneObject, name: VariableName): string[] | undefined {
  const variable = sceneGraph.lookupVariable(name, model);
  if (!variable) {
    return undefined;
  }
  const value = variable instanceof MultiValueVariable ? variable.state.value : variable.getValue();
  const values = (Array.isArray(value) ? value : [value]).map(String);
  if (values.includes(ALL)) {
    return undefined;
  }
  const chosen = values.filter((v) => v !== '');
  return chosen.length > 0 ? chosen : undefined;
}
