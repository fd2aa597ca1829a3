import { type FaultKind, faultActiveAt, type ScheduledFault } from './faultKinds';

export interface FaultTarget {
  provider?: string;
  backend?: string;
  model?: string;
}

/** Answers "how strong is fault X for this target right now" from the scenario's schedule. */
export class FaultEngine {
  private faults: ScheduledFault[];

  constructor(faults: readonly ScheduledFault[] = []) {
    this.faults = [...faults];
  }

  get schedule(): readonly ScheduledFault[] {
    return this.faults;
  }

  add(fault: ScheduledFault): void {
    this.faults.push(fault);
  }

  /** Faults in force at `time`. */
  activeAt(time: number): ScheduledFault[] {
    return this.faults.filter((f) => faultActiveAt(f, time));
  }

  /** Strongest intensity of an active fault of `kind` that applies to `target`; 0 when none. */
  intensity(kind: FaultKind, time: number, target: FaultTarget = {}): number {
    let strongest = 0;
    for (const fault of this.faults) {
      if (fault.kind !== kind || !faultActiveAt(fault, time) || !matches(fault, target)) {
        continue;
      }
      strongest = Math.max(strongest, fault.intensity);
    }
    return strongest;
  }
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
