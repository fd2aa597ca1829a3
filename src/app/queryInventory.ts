import { QueryVariable, SceneQueryRunner, type SceneObject } from '@grafana/scenes';

export interface DeclaredQuery {
  /** Who owns it: the runner's key path or the variable name. */
  owner: string;
  kind: 'panel' | 'variable';
  refId: string;
  expr: string;
  instant: boolean;
}

function walk(object: SceneObject, visit: (o: SceneObject) => void): void {
  visit(object);
  object.forEachChild((child) => walk(child, visit));
}

/**
 * Every query a scene tree declares (runners and query variables), without running anything.
 * Used by the no-duplicate-query test and the "queries per page" benchmark.
 */
export function declaredQueries(root: SceneObject): DeclaredQuery[] {
  const out: DeclaredQuery[] = [];
  walk(root, (object) => {
    if (object instanceof SceneQueryRunner) {
      for (const q of object.state.queries) {
        const query = q as { refId: string; expr?: string; instant?: boolean };
        out.push({
          owner: object.state.key ?? 'runner',
          kind: 'panel',
          refId: query.refId,
          expr: query.expr ?? '',
          instant: query.instant === true,
        });
      }
    } else if (object instanceof QueryVariable) {
      const q = object.state.query;
      out.push({
        owner: object.state.name,
        kind: 'variable',
        refId: object.state.name,
        expr: typeof q === 'string' ? q : String((q as { query?: string }).query ?? ''),
        instant: true,
      });
    }
  });
  return out;
}

/** Queries declared more than once (same expression and same instant/range kind). */
export function duplicateQueries(queries: readonly DeclaredQuery[]): string[] {
  const seen = new Map<string, number>();
  for (const q of queries) {
    const key = `${q.instant ? 'instant' : 'range'} ${q.expr}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key]) => key);
}
