import { type FaultKind, faultActiveAt, type ScheduledFault } from './faultKinds';

export interface FaultTarget {
  provider?: string;
  backend?: string;
  model?: string;
}

/** Answers "how strong is fault X for this target right now" from the scenario's schedule. */
export class FaultEngine {
  private faults: ScheduledFault[];
  /** The faults that can be active inside the focused interval (all of them when nothing is focused). */
  private candidates: ScheduledFault[];

  constructor(faults: readonly ScheduledFault[] = []) {
    this.faults = [...faults];
    this.candidates = this.faults;
  }

  /**
   * Limit the next questions to [from, to): a simulation step asks about a fault some ten times per
   * request, and only the faults active somewhere in the step need checking.
   */
  focus(from: number, to: number): void {
    this.candidates = this.faults.filter((f) => activeDuring(f, from, to));
  }

  /** Back to answering about any time. */
  unfocus(): void {
    this.candidates = this.faults;
  }

  get schedule(): readonly ScheduledFault[] {
    return this.faults;
  }

  add(fault: ScheduledFault): void {
    this.faults.push(fault);
    this.candidates = this.faults;
  }

  /** Faults in force at `time`. */
  activeAt(time: number): ScheduledFault[] {
    return this.faults.filter((f) => faultActiveAt(f, time));
  }

  /** Strongest intensity of an active fault of `kind` that applies to `target`; 0 when none. */
  intensity(kind: FaultKind, time: number, target: FaultTarget = {}): number {
    let strongest = 0;
    for (const fault of this.candidates) {
      if (fault.kind !== kind || !faultActiveAt(fault, time) || !matches(fault, target)) {
        continue;
      }
      strongest = Math.max(strongest, fault.intensity);
    }
    return strongest;
  }
}

/** Whether a fault is active at some instant of [from, to). */
function activeDuring(fault: ScheduledFault, from: number, to: number): boolean {
  if (to <= fault.start) {
    return false;
  }
  const length = fault.end - fault.start;
  if (fault.every === undefined) {
    return from < fault.end;
  }
  // The occurrence in force at `from`, or the next one: does it start before `to`?
  const k = Math.max(0, Math.floor((from - fault.start) / fault.every));
  const occurrence = fault.start + k * fault.every;
  return from < occurrence + length || occurrence + fault.every < to;
}

function matches(fault: ScheduledFault, target: FaultTarget): boolean {
  if (fault.provider !== undefined && target.provider !== undefined && fault.provider !== target.provider) {
    return false;
  }
  if (fault.provider !== undefined && target.provider === undefined) {
    return false;
  }
  if (fault.backend !== undefined && fault.backend !== target.backend) {
    return false;
  }
  if (fault.model !== undefined && fault.model !== target.model) {
    return false;
  }
  return true;
}
