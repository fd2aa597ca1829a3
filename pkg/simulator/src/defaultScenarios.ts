/**
 * Built-in schedules. Both are ordinary scenario files (parsed and validated like a user's), kept as
 * strings so the CLI works from any directory. Offsets count from the start of the history / run.
 */
export const DEFAULT_BACKFILL_SCENARIO = `name: default history - every playbook fault, recurring every few days
faults:
  - kind: llm_cold_starts
    model: llama-3.1-70b-instruct
    start: +1d7h
    duration: 1h
    every: 3d
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
    start: +4d2h
    duration: 6h
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
`;

export const DEFAULT_LIVE_SCENARIO = `name: default live demo - one playbook fault at a time, 8 minutes each, cycling every 90 minutes
faults:
  - { kind: queue_saturation, provider: ibm, backend: ibm_sherbrooke, start: +2m, duration: 8m, every: 90m }
  - { kind: hardware_failure, provider: braket, backend: Garnet, start: +12m, duration: 8m, every: 90m }
  - { kind: llm_hallucination, model: gpt-4.1-mini, start: +22m, duration: 8m, every: 90m }
  - { kind: calibration_corrupt, provider: ibm, backend: ibm_sherbrooke, start: +32m, duration: 8m, every: 90m }
  - { kind: simulator_divergence, start: +42m, duration: 8m, every: 90m }
  - { kind: provider_outage, provider: azure, start: +52m, duration: 8m, every: 90m }
  - { kind: llm_cold_starts, model: llama-3.1-70b-instruct, start: +62m, duration: 8m, every: 90m }
  - { kind: rate_limiting, provider: ibm, start: +72m, duration: 8m, every: 90m }
  - { kind: qpu_error_rate, provider: braket, start: +82m, duration: 8m, every: 90m }
`;
