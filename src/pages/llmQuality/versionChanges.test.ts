import { FieldType, createDataFrame } from '@grafana/data';
import { LABEL, METRIC } from '@hybridlens/conventions';
import { answeredStep, modelInfoQuery, versionChanges, versionChangeTitle } from './versionChanges';

const frame = (model: string, modelVersion: string, prompt: string, times: number[]) =>
  createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      {
        name: 'Value',
        type: FieldType.number,
        values: times.map(() => 1),
        labels: { [LABEL.model]: model, [LABEL.modelVersion]: modelVersion, [LABEL.promptTemplateVersion]: prompt },
      },
    ],
  });

const minutes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => (from + i) * 60_000);

describe('versionChanges', () => {
  it('marks a change where the next versions start, though the old series lingers for the lookback', () => {
    const changes = versionChanges(
      [frame('m', 'a', 'v7', minutes(0, 15)), frame('m', 'a', 'v8', minutes(10, 30))],
      60_000
    );
    expect(changes).toEqual([
      {
        time: 10 * 60_000,
        model: 'm',
        from: { modelVersion: 'a', promptTemplateVersion: 'v7' },
        to: { modelVersion: 'a', promptTemplateVersion: 'v8' },
      },
    ]);
  });

  it('sees a rollback to an earlier series as a change back', () => {
    const changes = versionChanges(
      [frame('m', 'a', 'v7', [...minutes(0, 10), ...minutes(20, 30)]), frame('m', 'b', 'v7', minutes(10, 20))],
      60_000
    );
    expect(changes.map((c) => [c.time / 60_000, c.from.modelVersion, c.to.modelVersion])).toEqual([
      [10, 'a', 'b'],
      [20, 'b', 'a'],
    ]);
  });

  it('reports nothing for a model that never changed, nor across models', () => {
    expect(
      versionChanges([frame('m', 'a', 'v7', minutes(0, 30)), frame('n', 'b', 'v8', minutes(5, 30))], 60_000)
    ).toEqual([]);
  });

  it('titles a change with only what changed, old → new', () => {
    const change = {
      time: 0,
      model: 'm',
      from: { modelVersion: 'a', promptTemplateVersion: 'v7' },
      to: { modelVersion: 'b', promptTemplateVersion: 'v8' },
    };
    expect(versionChangeTitle(change, { model: 'model', prompt: 'prompt' })).toBe('m: model a → b, prompt v7 → v8');
  });

  it('queries the contract metric with the page model filter', () => {
    expect(modelInfoQuery()).toContain(METRIC.llmModelInfo.name);
    expect(modelInfoQuery()).toContain(`${LABEL.model}=~`);
  });

  it('reads the step of the answer from the samples, or from the time field when no series has two', () => {
    expect(answeredStep([frame('m', 'a', 'v7', [0, 30_000, 60_000]), frame('n', 'a', 'v7', [0, 60_000])])).toBe(30_000);
    const single = frame('m', 'a', 'v7', [0]);
    expect(answeredStep([single])).toBeUndefined();
    single.fields[0]!.config.interval = 15_000;
    expect(answeredStep([single])).toBe(15_000);
  });
});
