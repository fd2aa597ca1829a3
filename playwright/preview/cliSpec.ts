import type { CliSpec } from '@hybridlens/cli';

export const PREVIEW_CLI = {
  name: 'hybridlens-preview',
  summary:
    "The app's pages without Docker or Grafana: Prometheus, the simulator and the calibration exporter on 127.0.0.1.",
  commands: {
    serve: {
      summary: "serve the app's pages in the page harness' stand-in Grafana until Ctrl-C",
      flags: {
        port: { type: 'port', description: 'listen port of the preview page (0: any free port)', default: 3000 },
        hours: {
          type: 'integer',
          description: 'hours of simulator history loaded before the live data',
          min: 3,
          max: 72,
          default: 26,
        },
      },
    },
  },
} as const satisfies CliSpec;
