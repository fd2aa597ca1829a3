import { DATASOURCE_TYPE } from '@hybridlens/conventions';

/** One Explore query: Tempo TraceQL or Loki LogQL. */
export interface ExploreQuery {
  datasource: { type: typeof DATASOURCE_TYPE.tempo | typeof DATASOURCE_TYPE.loki; uid: string };
  query: string;
  from: string;
  to: string;
}

/**
 * A link to Grafana Explore with one query. The pane state is JSON in the `panes` parameter (Grafana 10+);
 * the whole JSON is URL-encoded, so no value can break out of it.
 */
export function exploreUrl(q: ExploreQuery): string {
  const query =
    q.datasource.type === DATASOURCE_TYPE.tempo
      ? { refId: 'A', datasource: q.datasource, queryType: 'traceql', query: q.query }
      : { refId: 'A', datasource: q.datasource, expr: q.query };
  const panes = { hl: { datasource: q.datasource.uid, queries: [query], range: { from: q.from, to: q.to } } };
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}
