import type { ScheduledFault } from './faultKinds';
import { loadScenarioFile, parseScenario, type Scenario } from './scenario';
import type { Topology } from './topology';

export { DEFAULT_BACKFILL_SCENARIO, DEFAULT_LIVE_SCENARIO } from './defaultScenarios';

/** A scenario given as a file path, as text, or already parsed. */
export type ScenarioInput = string | { text: string; name?: string } | Scenario | { faults: ScheduledFault[] };

/** Where a scenario's relative times count from: the start of the run, and the end of a history. */
export interface ScenarioClock {
  origin: number;
  /** End of the history; undefined for a live run. */
  end?: number;
}

function clockOptions(clock: ScenarioClock, topology: Topology) {
  return { origin: clock.origin, ...(clock.end !== undefined ? { end: clock.end } : {}), topology };
}

export function parseScenarioText(text: string, name: string, clock: ScenarioClock, topology: Topology): Scenario {
  return parseScenario(text, { file: name, ...clockOptions(clock, topology) });
}

/** Turn any ScenarioInput into a validated schedule whose relative times count from the clock's origin / end. */
export function resolveScenario(input: ScenarioInput, clock: ScenarioClock, topology: Topology): Scenario {
  if (typeof input === 'string') {
    return loadScenarioFile(input, clockOptions(clock, topology));
  }
  if ('text' in input) {
    return parseScenarioText(input.text, input.name ?? 'scenario', clock, topology);
  }
  return {
    name: 'name' in input ? input.name : 'scenario',
    ...('seed' in input && input.seed !== undefined ? { seed: input.seed } : {}),
    faults: input.faults,
  };
}
