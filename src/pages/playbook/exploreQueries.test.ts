import '../../testing/jsdomPolyfills';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import { resolveSettings } from '../../settings/settings';
import { PLAYBOOK_ORDER, playbookCatalog } from './playbookCatalog';
import type { ScopeValues } from './playbookTypes';
import { type GrammarParser, syntaxErrors } from '../../testing/grammarErrors';

const catalog = playbookCatalog(resolveSettings(undefined).settings.thresholds);

/** Every step link of every playbook, as the page builds it for a scope. */
function links(scope: ScopeValues) {
  return PLAYBOOK_ORDER.flatMap((id) =>
    catalog[id].steps.flatMap((step) =>
      step.links.flatMap((link) =>
        link.kind === 'logs' || link.kind === 'traces'
          ? [
              {
                where: `${id} / ${step.key} / ${link.label}`,
                kind: link.kind,
                query: link.kind === 'logs' ? link.logQl(scope) : link.traceQl(scope),
              },
            ]
          : []
      )
    )
  );
}

const SCOPES: ScopeValues[] = [
  {},
  { provider: 'ibm' },
  { provider: 'ibm', backend: 'ibm_sherbrooke', model: 'gpt-4.1-mini' },
  { provider: 'a "quoted" \\ provider', backend: '} | line_format "x"', model: 'llama "3"' },
];

describe("playbook step links, parsed by Grafana's own grammars", () => {
  it.each(SCOPES)('every TraceQL and LogQL link parses for scope %j', (scope) => {
    const all = links(scope);
    expect(all.some((l) => l.kind === 'logs')).toBe(true);
    expect(all.some((l) => l.kind === 'traces')).toBe(true);
    for (const link of all) {
      const parser = (link.kind === 'logs' ? logqlParser : traceqlParser) as GrammarParser;
      expect({ where: link.where, errors: syntaxErrors(parser, link.query) }).toEqual({
        where: link.where,
        errors: [],
      });
    }
  });

  it('selects log lines by structured metadata, never by stream labels Loki does not index (OTLP ingestion)', () => {
    for (const link of links({ provider: 'ibm', backend: 'ibm_sherbrooke' }).filter((l) => l.kind === 'logs')) {
      const selector = link.query.slice(0, link.query.indexOf('}') + 1);
      expect({ where: link.where, selector }).toEqual({ where: link.where, selector: '{service_name=~".+"}' });
    }
    const quantum = links({ provider: 'ibm', backend: 'ibm_sherbrooke' }).find((l) => l.query.includes('stage'));
    expect(quantum?.query).toBe(
      '{service_name=~".+"} | stage="quantum" | detected_level=~"warn|error" | provider="ibm" | backend="ibm_sherbrooke"'
    );
  });

  it('the grammar does report a broken query (the checks above can fail)', () => {
    expect(syntaxErrors(logqlParser as GrammarParser, '{service_name=~".+"} | stage="quantum')).not.toEqual([]);
  });
});
