import type { ScheduledFault } from './faultKinds';
import { loadScenarioFile, parseScenario, type Scenario } from './scenario';
import type { Topology } from './topology';

export { DEFAULT_BACKFILL_SCENARIO, DEFAULT_LIVE_SCENARIO } from './defaultScenarios';

/** A scenario given as a file path, as text, or already parsed. */
export type ScenarioInput = string | { text: string; name?: string } | Scenario | { faults: ScheduledFault[] };

export function parseScenarioText(text: string, name: string, origin: number, topology: Topology): Scenario {
  return parseScenario(text, { file: name, origin, topology });
}

/** Turn any ScenarioInput into a validated schedule whose relative times count from `origin`. */
export function resolveScenario(input: ScenarioInput, origin: number, topology: Topology): Scenario {
  if (typeof input === 'string') {
    return loadScenarioFile(input, { origin, topology });
  }
  if ('text' in input) {
    return parseScenarioText(input.text, input.name ?? 'scenario', origin, topology);
  }
  return {
    name: 'name' in input ? input.name : 'scenario',
    ...('seed' in input && input.seed !== undefined ? { seed: input.seed } : {}),
    faults: input.faults,
  };
}
