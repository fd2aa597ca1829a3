import { lastValueFrom, of } from 'rxjs';
import { DataTopic, FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { annotationFrame } from './annotationFrame';
import { annotationsFromQueries } from './annotationsFromQueries';

const series = (refId: string, times: number[]) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      { name: 'Value', type: FieldType.number, values: times.map(() => 1) },
    ],
  });

async function run(frames: DataFrame[], sourceRefIds: string[]) {
  const seen: DataFrame[][] = [];
  const transform = annotationsFromQueries(sourceRefIds, (sources) => {
    seen.push(sources);
    return annotationFrame(
      'starts',
      sources.map((s) => ({ timeMs: Number(s.fields[0]!.values[0]), text: s.refId!, tags: [] }))
    );
  });
  const out = await lastValueFrom(of(frames).pipe(transform({ interpolate: (v: string) => v })));
  return { out, seen };
}

describe('annotationsFromQueries', () => {
  it('takes the source queries out of the series and adds one annotation frame built from them', async () => {
    const { out, seen } = await run(
      [series('line', [0, 60_000]), series('changes', [30_000]), series('other', [0])],
      ['changes']
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((f) => f.refId)).toEqual(['changes']);
    expect(out.map((f) => f.refId ?? f.name)).toEqual(['line', 'other', 'starts']);
    const annotations = out.at(-1)!;
    expect(annotations.meta?.dataTopic).toBe(DataTopic.Annotations);
    expect(annotations.fields.find((f) => f.name === 'time')!.values).toEqual([30_000]);
  });

  it('adds an empty annotation frame when the source queries returned nothing', async () => {
    const { out } = await run([series('line', [0])], ['changes']);
    expect(out.map((f) => f.refId ?? f.name)).toEqual(['line', 'starts']);
    expect(out[1]!.length).toBe(0);
  });
});
