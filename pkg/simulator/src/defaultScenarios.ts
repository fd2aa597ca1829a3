/**
 * Built-in schedules. Both are ordinary scenario files (parsed and validated like a user's), kept as
 * strings so the CLI works from any directory. Offsets count from the start of the history / run.
 */
/** The incident of the default history: the one SLO it exhausts is the story the pages tell. */
export const DEFAULT_INCIDENT = 'INC-2207: IBM queue saturation while the simulator pool ran a bad image';

/**
 * The default history: every playbook fault recurring every few days (each burns a visible share of a
 * budget and fires its alerts), and one named incident 1-2 days before the end, inside any history of a
 * week or more: IBM's queue saturates, the orchestrator sends IBM's work to the simulator, and the
 * simulator pool, just upgraded to a bad image, returns invalid results: the fallback path fails when it is
 * needed, and the fallback-availability SLO exhausts its budget.
 */
export const DEFAULT_BACKFILL_SCENARIO = `name: "default history: every playbook fault recurring, and ${DEFAULT_INCIDENT}"
faults:
  - kind: llm_cold_starts
    model: llama-3.1-70b-instruct
    start: +1d7h
    duration: 1h
    every: 3d
    intensity: 0.2
  - kind: queue_saturation
    provider: ibm
    backend: ibm_sherbrooke
    start: +1d13h
    duration: 3h
    every: 5d
  - kind: hardware_failure
    provider: braket
    backend: Garnet
    start: +2d9h
    duration: 2h
    every: 6d
  - kind: simulator_divergence
    start: +2d20h
    duration: 90m
    every: 4d
  - kind: rate_limiting
    provider: braket
    start: +3d4h
    duration: 2h
    every: 5d
  - kind: llm_hallucination
    model: gpt-4.1-mini
    start: +3d15h
    duration: 4h
    every: 7d
  - kind: calibration_corrupt
    provider: ibm
    backend: ibm_sherbrooke
    start: +4d1h
    duration: 5h
    every: 8d
  - kind: provider_outage
    provider: azure
    start: +5d11h
    duration: 2h
    every: 9d
  - kind: qpu_error_rate
    provider: ibm
    start: +6d16h
    duration: 3h
    every: 7d
  - name: "${DEFAULT_INCIDENT}"
    kind: queue_saturation
    provider: ibm
    backend: ibm_sherbrooke
    start: -1d9h
    duration: 4h
  - name: "${DEFAULT_INCIDENT}"
    kind: simulator_divergence
    start: -1d9h
    duration: 4h
    intensity: 1
`;

/**
 * The live demo: one playbook fault at a time, cycling every 95 minutes, each long enough to show on the
 * pages and fire its alerts (the outage a little longer: the provider's status page reports it late).
 */
export const DEFAULT_LIVE_SCENARIO = `name: default live demo - one playbook fault at a time, cycling every 95 minutes
faults:
  - { kind: queue_saturation, provider: ibm, backend: ibm_sherbrooke, start: +2m, duration: 8m, every: 95m }
  - { kind: hardware_failure, provider: braket, backend: Garnet, start: +12m, duration: 8m, every: 95m }
  - { kind: llm_hallucination, model: gpt-4.1-mini, start: +22m, duration: 8m, every: 95m }
  - { kind: calibration_corrupt, provider: ibm, backend: ibm_sherbrooke, start: +32m, duration: 8m, every: 95m }
  - { kind: simulator_divergence, start: +42m, duration: 8m, every: 95m }
  - { kind: provider_outage, provider: azure, start: +52m, duration: 12m, every: 95m }
  - { kind: llm_cold_starts, model: llama-3.1-70b-instruct, start: +66m, duration: 8m, every: 95m }
  - { kind: rate_limiting, provider: ibm, start: +76m, duration: 8m, every: 95m }
  - { kind: qpu_error_rate, provider: braket, start: +86m, duration: 8m, every: 95m }
`;
