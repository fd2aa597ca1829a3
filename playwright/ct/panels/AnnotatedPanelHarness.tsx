import React, { useMemo } from 'react';
import { FieldType, LoadingState, createDataFrame, dateTime } from '@grafana/data';
import {
  EmbeddedScene,
  PanelBuilders,
  SceneDataNode,
  SceneFlexItem,
  SceneFlexLayout,
  SceneTimeRange,
} from '@grafana/scenes';
import { annotationFrame } from '../../../src/components/annotations/annotationFrame';

export interface HarnessAnnotation {
  timeMs: number;
  timeEndMs?: number;
  title: string;
}

export interface AnnotatedPanelHarnessProps {
  /** The panel's range, epoch ms. */
  from: number;
  to: number;
  /** One annotation frame per entry, each in its own colour. */
  frames: Array<{ name: string; color: string; marks: HarnessAnnotation[] }>;
}

const POINTS = 60;

/**
 * One time series panel (the harness' stand-in, loaded by id as in a page) over a fixed range, with a straight
 * line as its series and the given annotation frames as its annotations: what the self-test draws markers on.
 */
export function AnnotatedPanelHarness({ from, to, frames }: AnnotatedPanelHarnessProps) {
  const scene = useMemo(() => {
    const times = Array.from({ length: POINTS + 1 }, (_, i) => from + ((to - from) * i) / POINTS);
    const series = createDataFrame({
      refId: 'A',
      fields: [
        { name: 'Time', type: FieldType.time, values: times },
        { name: 'Value', type: FieldType.number, values: times.map((_, i) => i) },
      ],
    });
    const annotations = frames.map((f) =>
      annotationFrame(
        f.name,
        f.marks.map((m) => ({ timeMs: m.timeMs, timeEndMs: m.timeEndMs, text: m.title, tags: [] })),
        f.color
      )
    );
    const timeRange = { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
    return new EmbeddedScene({
      $timeRange: new SceneTimeRange({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
      body: new SceneFlexLayout({
        children: [
          new SceneFlexItem({
            height: 300,
            body: PanelBuilders.timeseries()
              .setTitle('Annotated')
              .setData(
                new SceneDataNode({ data: { state: LoadingState.Done, series: [series], annotations, timeRange } })
              )
              .build(),
          }),
        ],
      }),
    });
  }, [from, to, frames]);
  return <scene.Component model={scene} />;
}
