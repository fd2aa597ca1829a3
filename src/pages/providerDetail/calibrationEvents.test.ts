import { DataTopic, FieldType, createDataFrame } from '@grafana/data';
import { LABEL } from '@hybridlens/conventions';
import { calibrationEvents, eventsFrame } from './calibrationEvents';
import { EVENT_SOURCES } from './medianTrendQueries';

const HOUR = 3_600_000;

function series(refId: string, values: number[], labels: Record<string, string> = {}, startMs = 0) {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => startMs + i * HOUR) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

describe('calibration events', () => {
  it('marks each new calibration time after the first point, skipping gaps', () => {
    const events = calibrationEvents([series(EVENT_SOURCES.calibratedAt, [100, 100, NaN, 200, 200, 300])]);
    expect(events.map((e) => [e.kind, e.timeMs])).toEqual([
      ['calibration', 3 * HOUR],
      ['calibration', 5 * HOUR],
    ]);
    expect(events[0]!.text).toContain(new Date(200_000).toISOString());
  });

  it('marks a QPU version that replaces another, not the one in force at the start', () => {
    const events = calibrationEvents([
      series(EVENT_SOURCES.qpuVersion, [1, 1, 1], { [LABEL.backendVersion]: '1.2.0' }),
      series(EVENT_SOURCES.qpuVersion, [NaN, NaN, 1], { [LABEL.backendVersion]: '1.3.0' }),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'qpuVersion', timeMs: 2 * HOUR });
    expect(events[0]!.text).toContain('1.2.0');
    expect(events[0]!.text).toContain('1.3.0');
  });

  it('does not call a second series of the same QPU version a bump', () => {
    const events = calibrationEvents([
      series(EVENT_SOURCES.qpuVersion, [1, NaN, NaN], { [LABEL.backendVersion]: '1.2.0', [LABEL.layout]: 'a' }),
      series(EVENT_SOURCES.qpuVersion, [NaN, 1, 1], { [LABEL.backendVersion]: '1.2.0', [LABEL.layout]: 'b' }),
    ]);
    expect(events).toEqual([]);
  });

  it('finds nothing in a range with one calibration and one version', () => {
    expect(
      calibrationEvents([
        series(EVENT_SOURCES.calibratedAt, [100, 100]),
        series(EVENT_SOURCES.qpuVersion, [1, 1], { [LABEL.backendVersion]: '1.2.0' }),
      ])
    ).toEqual([]);
  });

  it('gives Grafana one annotation frame', () => {
    const frame = eventsFrame(calibrationEvents([series(EVENT_SOURCES.calibratedAt, [1, 2])]));
    expect(frame.meta?.dataTopic).toBe(DataTopic.Annotations);
    expect(frame.length).toBe(1);
  });
});
