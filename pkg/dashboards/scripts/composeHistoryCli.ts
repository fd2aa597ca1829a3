import type { CliSpec } from '@hybridlens/cli';

/** The command line of compose's `history` service (`compose-history.ts`), shared with the compose file's checks. */
export const COMPOSE_HISTORY_CLI = {
  name: 'compose-history',
  summary: "Simulator history with the SLO and alert series recorded over it, as TSDB blocks for compose's Prometheus.",
  commands: {
    build: {
      summary: 'write the blocks into --out (replaced whole, once they are all written)',
      flags: {
        days: {
          type: 'number',
          description: 'days of history in all, ending now',
          min: 1,
          // A range query of the rule recording holds at most 11,000 points: 15 days at the 2-minute step.
          max: 15,
          required: true,
        },
        'full-days': {
          type: 'number',
          description: 'the last days with every metric family (the older ones go without the per-span histograms)',
          min: 0.1,
          max: 15,
          default: 1,
        },
        rules: {
          type: 'string',
          placeholder: 'DIR',
          required: true,
          description: 'directory of Prometheus rule files to record over the history',
        },
        out: { type: 'string', placeholder: 'DIR', required: true, description: 'directory for the TSDB blocks' },
        step: {
          type: 'duration',
          description: 'sample interval of the history',
          minMs: 60_000,
          maxMs: 120_000,
          default: '2m',
        },
      },
    },
  },
} as const satisfies CliSpec;
