import { type DataFrame, FieldType } from '@grafana/data';
import { LABEL } from '@hybridlens/conventions';
import { annotationFrame } from '../../components/annotations/annotationFrame';
import { annotationsFromQueries } from '../../components/annotations/annotationsFromQueries';
import { t } from '../../i18n';
import { EVENT_SOURCES } from './medianTrendQueries';

export interface CalibrationEvent {
  timeMs: number;
  kind: 'calibration' | 'qpuVersion' | 'qpuRollback';
  text: string;
}

const points = (frame: DataFrame): Array<[number, number]> => {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const value = frame.fields.find((f) => f.type === FieldType.number);
  return time && value ? time.values.map((t, i) => [Number(t), Number(value.values[i])]) : [];
};

const labelOf = (frame: DataFrame, label: string) =>
  frame.fields.find((x) => x.type === FieldType.number)?.labels?.[label];

/** Version strings compared as people read them: 1.3.10 after 1.3.9. */
const compareVersions = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/**
 * The value of `label` in force at each step of the range, from info series (one series per value, 1 while
 * served). The exporter's series lingers for the lookback after a new value replaces it, so where several are
 * present the one that appeared last is in force. Returns the value the range opens on and each change: the step
 * it happened and both values.
 */
interface LabelChange {
  timeMs: number;
  from: string;
  to: string;
}

function labelChanges(frames: DataFrame[], label: string): { initial?: string; changes: LabelChange[] } {
  const presentAt = new Map<number, Set<string>>();
  for (const frame of frames) {
    const value = labelOf(frame, label);
    if (!value) {
      continue;
    }
    for (const [timeMs, v] of points(frame)) {
      if (Number.isFinite(v)) {
        presentAt.set(timeMs, (presentAt.get(timeMs) ?? new Set()).add(value));
      }
    }
  }
  const steps = [...presentAt.keys()].sort((a, b) => a - b);
  const changes: LabelChange[] = [];
  let initial: string | undefined;
  let current: string | undefined;
  let previous = new Set<string>();
  for (const [i, timeMs] of steps.entries()) {
    const present = presentAt.get(timeMs)!;
    const appeared = [...present].filter((v) => !previous.has(v)).sort(compareVersions);
    let next = current;
    if (i === 0) {
      // The range opens on the value in force; of several lingering ones, the one that outlasts the others.
      const lastSeen = (v: string) => steps.filter((s) => presentAt.get(s)!.has(v)).at(-1)!;
      initial = [...present].sort((a, b) => lastSeen(b) - lastSeen(a) || compareVersions(b, a))[0];
      next = initial;
    } else if (appeared.length > 0) {
      next = appeared.at(-1)!;
    } else if (current === undefined || !present.has(current)) {
      // The newest value's series ended and an older one is still served (a rollback inside the lookback).
      next = [...present].sort(compareVersions).at(-1);
    }
    if (current !== undefined && next !== undefined && next !== current) {
      changes.push({ timeMs, from: current, to: next });
    }
    current = next;
    previous = present;
  }
  return { initial, changes };
}

/**
 * Where the calibration changed inside the range: a new calibration time (the exporter's timestamp series) or a
 * new calibration version (the info series' `calibration_version`: Google files carry no time, so a new file is
 * only a new version), and a QPU version (the device info series' `backend_version`) replacing another: a bump,
 * or a rollback when the new version is older by number or was already served earlier in the range. Read from
 * the range series in the page rather than with `changes(...[$__interval])`, so no event is lost or doubled
 * whatever the step; the first point of the range is the state already in force, not a change.
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
  // A new calibration version at a step the calibration time already marked is the same event.
  const marked = new Set(events.map((e) => e.timeMs));
  const versions = frames.filter((f) => f.refId === EVENT_SOURCES.calibrationVersion);
  for (const change of labelChanges(versions, LABEL.calibrationVersion).changes) {
    if (!marked.has(change.timeMs)) {
      events.push({
        timeMs: change.timeMs,
        kind: 'calibration',
        text: t('provider-detail.events.calibration-version', 'New calibration (version {{version}})', {
          version: change.to,
        }),
      });
    }
  }
  const qpu = labelChanges(
    frames.filter((x) => x.refId === EVENT_SOURCES.qpuVersion),
    LABEL.backendVersion
  );
  const seen = new Set(qpu.initial === undefined ? [] : [qpu.initial]);
  for (const change of qpu.changes) {
    const rollback = compareVersions(change.to, change.from) < 0 || seen.has(change.to);
    seen.add(change.to);
    events.push({
      timeMs: change.timeMs,
      kind: rollback ? 'qpuRollback' : 'qpuVersion',
      text: rollback
        ? t('provider-detail.events.qpu-rollback', 'QPU version rolled back {{from}} → {{to}}', {
            from: change.from,
            to: change.to,
          })
        : t('provider-detail.events.qpu-version', 'QPU version {{from}} → {{to}}', {
            from: change.from,
            to: change.to,
          }),
    });
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
