import { DataTopic } from '@grafana/data';
import { annotationFrame } from './annotationFrame';

const field = (frame: ReturnType<typeof annotationFrame>, name: string) =>
  frame.fields.find((f) => f.name === name)?.values;

describe('annotationFrame', () => {
  it('is a frame of the annotations topic with time, title, text and tags, and no region fields for points', () => {
    const frame = annotationFrame('f', [{ timeMs: 5, text: 'deployed', tags: ['a'] }]);
    expect(frame.meta?.dataTopic).toBe(DataTopic.Annotations);
    expect(field(frame, 'time')).toEqual([5]);
    expect(field(frame, 'title')).toEqual(['deployed']);
    expect(field(frame, 'tags')).toEqual([['a']]);
    expect(field(frame, 'timeEnd')).toBeUndefined();
    expect(field(frame, 'color')).toBeUndefined();
  });

  it('marks a row with an end as a region, and the others as points', () => {
    const frame = annotationFrame(
      'f',
      [
        { timeMs: 5, timeEndMs: 9, text: 'window', tags: [] },
        { timeMs: 7, text: 'point', tags: [] },
      ],
      'orange'
    );
    expect(field(frame, 'timeEnd')).toEqual([9, null]);
    expect(field(frame, 'isRegion')).toEqual([true, false]);
    expect(field(frame, 'color')).toEqual(['orange', 'orange']);
  });
});
