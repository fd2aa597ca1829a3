import {
  DEFAULT_BACKFILL_SCENARIO,
  DEFAULT_INCIDENT,
  DEFAULT_LIVE_SCENARIO,
  DEFAULT_TOPOLOGY,
  FAULT_KIND,
  parseScenario,
  ScenarioError,
} from '../src';
import { faultActiveAt } from '../src/faultKinds';

const origin = Date.parse('2026-11-20T00:00:00Z');
const options = { file: 'scenario.yaml', origin, topology: DEFAULT_TOPOLOGY };

function errorOf(text: string, file = 'scenario.yaml'): ScenarioError {
  try {
    parseScenario(text, { ...options, file });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario files', () => {
  it('reads offsets, absolute times, repeats and defaults', () => {
    const scenario = parseScenario(
      [
        'name: two faults',
        'seed: 9',
        'faults:',
        '  - kind: hardware_failure',
        '    provider: braket',
        '    backend: Garnet',
        '    start: +2d4h',
        '    duration: 90m',
        '    intensity: 0.5',
        '  - kind: llm_hallucination',
        '    start: 2026-11-21T10:00:00Z',
        '    end: 2026-11-21T12:00:00Z',
        '    every: 1d',
      ].join('\n'),
      options
    );
    expect(scenario.seed).toBe(9);
    const [hw, llm] = scenario.faults;
    expect(hw).toMatchObject({
      kind: FAULT_KIND.hardwareFailure,
      provider: 'braket',
      backend: 'Garnet',
      intensity: 0.5,
      origin: 'scenario.yaml:4',
    });
    expect(hw!.start).toBe(origin + (2 * 24 + 4) * 3_600_000);
    expect(hw!.end - hw!.start).toBe(90 * 60_000);
    expect(llm!.intensity).toBe(0.25);
    expect(faultActiveAt(llm!, Date.parse('2026-11-23T11:00:00Z'))).toBe(true);
    expect(faultActiveAt(llm!, Date.parse('2026-11-23T13:00:00Z'))).toBe(false);
    expect(faultActiveAt(llm!, Date.parse('2026-11-21T09:59:59Z'))).toBe(false);
  });

  it('reads JSON with the same rules', () => {
    const scenario = parseScenario(
      '{"faults": [{"kind": "provider_outage", "provider": "azure", "start": "+1h", "duration": "30m"}]}',
      options
    );
    expect(scenario.faults[0]).toMatchObject({ kind: 'provider_outage', provider: 'azure', intensity: 1 });
  });

  it('parses the built-in schedules: every fault kind, and the named incident counted back from the end', () => {
    const end = origin + 7 * 86_400_000;
    const backfill = parseScenario(DEFAULT_BACKFILL_SCENARIO, { ...options, end });
    expect(new Set(backfill.faults.map((f) => f.kind))).toEqual(new Set(Object.values(FAULT_KIND)));
    const incident = backfill.faults.filter((f) => f.name === DEFAULT_INCIDENT);
    expect(incident.map((f) => f.kind).sort()).toEqual([FAULT_KIND.queueSaturation, FAULT_KIND.simulatorDivergence]);
    expect(incident.every((f) => f.start === end - (24 + 9) * 3_600_000)).toBe(true);
    expect(
      parseScenario(DEFAULT_LIVE_SCENARIO, options)
        .faults.map((f) => f.kind)
        .sort()
    ).toEqual(Object.values(FAULT_KIND).sort());
  });

  it('cycles the live faults one at a time, each long enough to show, within one repeat period', () => {
    const faults = [...parseScenario(DEFAULT_LIVE_SCENARIO, options).faults].sort((a, b) => a.start - b.start);
    const period = faults[0]!.every!;
    expect(faults.every((f) => f.every === period)).toBe(true);
    for (const [i, f] of faults.entries()) {
      expect(f.end - f.start).toBeGreaterThanOrEqual(8 * 60_000);
      const next = faults[i + 1]?.start ?? faults[0]!.start + period;
      expect({ kind: f.kind, overlaps: f.end > next }).toEqual({ kind: f.kind, overlaps: false });
    }
  });

  describe('bad input', () => {
    it.each([
      [
        'an unknown kind',
        'faults:\n  - kind: meteor_strike\n    start: +1h\n    duration: 1h\n',
        2,
        'faults[0].kind',
        /unknown fault kind "meteor_strike"/,
      ],
      [
        'an unknown provider',
        'faults:\n  - kind: provider_outage\n    provider: dwave\n    start: +1h\n    duration: 1h\n',
        3,
        'faults[0].provider',
        /unknown provider "dwave"/,
      ],
      [
        'a backend of another provider',
        'faults:\n  - kind: hardware_failure\n    provider: ibm\n    start: +1h\n    duration: 1h\n  - kind: hardware_failure\n    provider: braket\n    backend: Garnett\n    start: +1h\n    duration: 1h\n',
        8,
        'faults[1].backend',
        /unknown backend "Garnett" for provider braket/,
      ],
      ['a missing start', 'faults:\n  - kind: llm_cold_starts\n    duration: 1h\n', 2, 'faults[0].start', /missing/],
      [
        'a bad duration',
        'faults:\n  - kind: llm_cold_starts\n    start: +1h\n    duration: soon\n',
        4,
        'faults[0].duration',
        /not a positive duration/,
      ],
      [
        'a bad time',
        'faults:\n  - kind: llm_cold_starts\n    start: yesterday\n    duration: 1h\n',
        3,
        'faults[0].start',
        /neither an RFC 3339 time/,
      ],
      [
        'an intensity out of range',
        'faults:\n  - kind: rate_limiting\n    provider: ibm\n    start: +1h\n    duration: 1h\n    intensity: 3\n',
        6,
        'faults[0].intensity',
        /\[0, 1\]/,
      ],
      [
        'an unknown field',
        'faults:\n  - kind: llm_cold_starts\n    start: +1h\n    duration: 1h\n    severity: high\n',
        5,
        'faults[0].severity',
        /unknown field/,
      ],
      [
        'a provider fault without provider',
        'faults:\n  - kind: queue_saturation\n    start: +1h\n    duration: 1h\n',
        2,
        'faults[0].provider',
        /needs a provider/,
      ],
      [
        'end before start',
        'faults:\n  - kind: llm_cold_starts\n    start: +2h\n    end: +1h\n',
        4,
        'faults[0].end',
        /after start/,
      ],
      ['faults not a list', 'faults: 3\n', 1, 'faults', /expected a list/],
      [
        'a YAML syntax error',
        'faults:\n  - kind: llm_cold_starts\n    start: +1h\n    duration 1h\n    intensity: 0.5\n',
        4,
        '(syntax)',
        /./,
      ],
      [
        'a duplicated key',
        'faults:\n  - kind: llm_cold_starts\n    kind: llm_hallucination\n',
        3,
        '(syntax)',
        /unique/,
      ],
      [
        'a blank fault name',
        'faults:\n  - name: ""\n    kind: llm_cold_starts\n    start: +1h\n    duration: 1h\n',
        2,
        'faults[0].name',
        /non-empty string/,
      ],
      [
        'a time counted back from the end, for a run without one',
        'faults:\n  - kind: llm_cold_starts\n    start: -2h\n    duration: 1h\n',
        3,
        'faults[0].start',
        /a live run has no end/,
      ],
      [
        '501 faults',
        `faults:\n${'  - {kind: llm_cold_starts, start: +1h, duration: 1h}\n'.repeat(501)}`,
        2,
        'faults',
        /501 faults; at most 500/,
      ],
    ])('refuses invalid scenario file: %s (line and field named)', (_what, text, line, field, reason) => {
      const error = errorOf(text);
      expect(error.line).toBe(line);
      expect(error.field).toBe(field);
      expect(error.reason).toMatch(reason);
      expect(error.message).toMatch(
        new RegExp(`^scenario\\.yaml:${line}:\\d+: ${field.replace(/[[\]().]/g, '\\$&')}: `)
      );
    });
  });

  it('names the line of a JSON file too', () => {
    const error = errorOf(
      '{\n  "faults": [\n    {"kind": "provider_outage", "provider": "azure",\n     "start": "+1h", "duration": "-5m"}\n  ]\n}\n',
      'bad.json'
    );
    expect(error.message).toMatch(/^bad\.json:4:\d+: faults\[0\]\.duration: /);
  });
});
