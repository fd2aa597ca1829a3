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

  it('marks a new calibration version where the calibration time does not change (Google files carry no time)', () => {
    const events = calibrationEvents([
      series(EVENT_SOURCES.calibrationVersion, [1, 1, NaN, NaN], { [LABEL.calibrationVersion]: 'sha256:aaa' }),
      // The old version's series lingers an hour (the lookback) after the new one appears.
      series(EVENT_SOURCES.calibrationVersion, [NaN, 1, 1, 1], { [LABEL.calibrationVersion]: 'sha256:bbb' }),
    ]);
    expect(events.map((e) => [e.kind, e.timeMs])).toEqual([['calibration', 1 * HOUR]]);
    expect(events[0]!.text).toContain('sha256:bbb');
  });

  it('marks a version change once when the calibration time changed at the same step', () => {
    const events = calibrationEvents([
      series(EVENT_SOURCES.calibratedAt, [100, 200]),
      series(EVENT_SOURCES.calibrationVersion, [1, NaN], { [LABEL.calibrationVersion]: '100' }),
      series(EVENT_SOURCES.calibrationVersion, [NaN, 1], { [LABEL.calibrationVersion]: '200' }),
    ]);
    expect(events.map((e) => [e.kind, e.timeMs])).toEqual([['calibration', 1 * HOUR]]);
  });

  it('marks a QPU version going back as a rollback, by number or because it was served before', () => {
    const events = calibrationEvents([
      series(EVENT_SOURCES.qpuVersion, [1, 1, NaN, NaN, 1, 1], { [LABEL.backendVersion]: '1.3.9' }),
      series(EVENT_SOURCES.qpuVersion, [NaN, NaN, 1, 1, NaN, NaN], { [LABEL.backendVersion]: '1.3.10' }),
    ]);
    expect(events.map((e) => [e.kind, e.timeMs])).toEqual([
      ['qpuVersion', 2 * HOUR],
      ['qpuRollback', 4 * HOUR],
    ]);
    expect(events[1]!.text).toContain('1.3.10 → 1.3.9');
  });

  it('marks a rollback while the newer version still lingers in the lookback', () => {
    const events = calibrationEvents([
      series(EVENT_SOURCES.qpuVersion, [1, 1, 1, 1, 1], { [LABEL.backendVersion]: '2.0.0' }),
      series(EVENT_SOURCES.qpuVersion, [NaN, 1, 1, NaN, NaN], { [LABEL.backendVersion]: '2.1.0' }),
    ]);
    expect(events.map((e) => [e.kind, e.timeMs])).toEqual([
      ['qpuVersion', 1 * HOUR],
      ['qpuRollback', 3 * HOUR],
    ]);
  });

  it('gives Grafana one annotation frame', () => {
    const frame = eventsFrame(calibrationEvents([series(EVENT_SOURCES.calibratedAt, [1, 2])]));
    expect(frame.meta?.dataTopic).toBe(DataTopic.Annotations);
    expect(frame.length).toBe(1);
  });
});
