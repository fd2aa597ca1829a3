import { GEN_AI_ATTR, SPAN } from '@hybridlens/conventions';
import { modelTracesDataLink, modelTracesExploreUrl, modelTracesTraceQl } from './traceLinks';

function panes(url: string) {
  const parsed = new URL(url, 'http://grafana.invalid');
  expect(parsed.pathname).toBe('/explore');
  return JSON.parse(parsed.searchParams.get('panes')!) as Record<
    string,
    { datasource: string; queries: Array<{ query: string; datasource: { uid: string } }>; range: unknown }
  >;
}

describe('links to the traces of a model', () => {
  it('opens Explore on Tempo with the TraceQL search of that model in that window', () => {
    const url = modelTracesExploreUrl({ tempoUid: 'tempo-1', model: 'gpt-4.1-mini', from: '1000', to: '2000' });
    const [pane] = Object.values(panes(url));
    expect(pane!.datasource).toBe('tempo-1');
    expect(pane!.queries[0]!.datasource.uid).toBe('tempo-1');
    expect(pane!.queries[0]!.query).toBe(
      `{ name = "${SPAN.llm}" && span.${GEN_AI_ATTR.requestModel.key} = "gpt-4.1-mini" }`
    );
    expect(pane!.range).toEqual({ from: '1000', to: '2000' });
  });

  it('keeps a model name with quotes, ampersands and braces inside its TraceQL string', () => {
    const model = 'evil" } || { true & x=1';
    expect(modelTracesTraceQl(model)).toBe(
      `{ name = "${SPAN.llm}" && span.${GEN_AI_ATTR.requestModel.key} = "evil\\" } || { true & x=1" }`
    );
    const [pane] = Object.values(panes(modelTracesExploreUrl({ tempoUid: 't', model, from: 'now-1h', to: 'now' })));
    expect(pane!.queries[0]!.query).toBe(modelTracesTraceQl(model));
  });

  it('as a data link, leaves Grafana templates for the clicked model, the panel range and the Tempo variable', () => {
    const link = modelTracesDataLink('tempo', 'model');
    expect(link).toContain('${__field.labels.model:percentencode}');
    expect(link).toContain('${__from}');
    expect(link).toContain('${__to}');
    expect(link.match(/\$\{tempo:percentencode\}/g)).toHaveLength(2);
    // What Grafana does when the user clicks: fill each template in.
    const filled = link
      .replaceAll('${__field.labels.model:percentencode}', encodeURIComponent('llama-3.1-70b'))
      .replaceAll('${tempo:percentencode}', 'tempo-uid')
      .replace('${__from}', '5')
      .replace('${__to}', '6');
    const [pane] = Object.values(panes(filled));
    expect(pane!.queries[0]!.query).toBe(modelTracesTraceQl('llama-3.1-70b'));
    expect(pane!.range).toEqual({ from: '5', to: '6' });
    expect(pane!.datasource).toBe('tempo-uid');
  });
});
