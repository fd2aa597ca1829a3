import type { ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { type SceneObject, sceneGraph } from '@grafana/scenes';

const VARIABLE = /\$(\w+)|\$\{(\w+)(?::(\w+))?\}|\[\[(\w+)\]\]/g;

/**
 * Grafana's TemplateSrv hands interpolation of Scenes queries to the scene that issued them
 * (`scopedVars.__sceneObject`); everything else only sees scoped variables.
 */
export class HarnessTemplateSrv implements TemplateSrv {
  getVariables(): TypedVariableModel[] {
    return [];
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    // Scenes wraps the object so it survives serialisation; valueOf() unwraps it (as Grafana's TemplateSrv does).
    const wrapped = scopedVars?.__sceneObject?.value as { valueOf(): SceneObject } | undefined;
    const sceneObject = wrapped?.valueOf();
    if (sceneObject) {
      return sceneGraph.interpolate(
        sceneObject,
        target,
        scopedVars,
        format as Parameters<typeof sceneGraph.interpolate>[3]
      );
    }
    return target.replace(VARIABLE, (match, a?: string, b?: string, _fmt?: string, c?: string) => {
      const name = a ?? b ?? c ?? '';
      const value = scopedVars?.[name]?.value;
      return value === undefined || value === null ? match : String(value);
    });
  }

  containsTemplate(target?: string): boolean {
    return !!target && new RegExp(VARIABLE.source).test(target);
  }

  updateTimeRange(_timeRange: TimeRange): void {}
}
