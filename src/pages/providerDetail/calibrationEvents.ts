import { type DataFrame, FieldType } from '@grafana/data';
import { LABEL } from '@hybridlens/conventions';
import { annotationFrame } from '../../components/annotations/annotationFrame';
import { annotationsFromQueries } from '../../components/annotations/annotationsFromQueries';
import { t } from '../../i18n';
import { EVENT_SOURCES } from './medianTrendQueries';

export interface CalibrationEvent {
  timeMs: number;
  kind: 'calibration' | 'qpuVersion';
  text: string;
}

const points = (frame: DataFrame): Array<[number, number]> => {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const value = frame.fields.find((f) => f.type === FieldType.number);
  return time && value ? time.values.map((t, i) => [Number(t), Number(value.values[i])]) : [];
};

/**
 * Where the calibration changed inside the range: a new calibration time (the exporter's timestamp series), or a
 * QPU version (the device info series' `backend_version` label) replacing another. Read from the range series in
 * the page rather than with `changes(...[$__interval])`, so no event is lost or doubled whatever the step; the
 * first point of the range is the state already in force, not a change.
 */
export function calibrationEvents(frames: DataFrame[]): CalibrationEvent[] {
  const events: CalibrationEvent[] = [];
  for (const frame of frames.filter((f) => f.refId === EVENT_SOURCES.calibratedAt)) {
    let previous: number | undefined;
    for (const [timeMs, value] of points(frame)) {
      if (!Number.isFinite(value)) {
        continue;
      }
      if (previous !== undefined && value !== previous) {
        events.push({
          timeMs,
          kind: 'calibration',
          text: t('provider-detail.events.calibration', 'New calibration (measured {{at}})', {
            at: new Date(value * 1000).toISOString(),
          }),
        });
      }
      previous = value;
    }
  }
  // Each QPU version is its own series (other device facts may split one version into several): a version whose
  // first point comes after another version's is a bump.
  const firstSeen = new Map<string, number>();
  for (const f of frames.filter((x) => x.refId === EVENT_SOURCES.qpuVersion)) {
    const version = f.fields.find((x) => x.type === FieldType.number)?.labels?.[LABEL.backendVersion];
    const first = points(f).find(([, v]) => Number.isFinite(v))?.[0];
    if (version && first !== undefined) {
      firstSeen.set(version, Math.min(first, firstSeen.get(version) ?? first));
    }
  }
  const versions = [...firstSeen].map(([version, first]) => ({ version, first })).sort((a, b) => a.first - b.first);
  for (let i = 1; i < versions.length; i++) {
    const v = versions[i]!;
    if (v.first > versions[i - 1]!.first) {
      events.push({
        timeMs: v.first,
        kind: 'qpuVersion',
        text: t('provider-detail.events.qpu-version', 'QPU version {{from}} → {{to}}', {
          from: versions[i - 1]!.version,
          to: v.version,
        }),
      });
    }
  }
  return events.sort((a, b) => a.timeMs - b.timeMs);
}

/** The events as one annotation frame (Grafana draws `dataTopic: annotations` frames as markers on the charts). */
export function eventsFrame(events: CalibrationEvent[]): DataFrame {
  return annotationFrame(
    'calibration events',
    events.map((e) => ({ timeMs: e.timeMs, text: e.text, tags: [e.kind] }))
  );
}

/** Replaces the event source series by the annotation frame; the charts' own series pass through. */
export const calibrationAnnotations = annotationsFromQueries(Object.values(EVENT_SOURCES), (sources) =>
  eventsFrame(calibrationEvents(sources))
);
