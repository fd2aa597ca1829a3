import { type CliIo, type CliSpec, CliUserError, PROCESS_IO, runCli } from '@hybridlens/cli';
import { renderDashboards } from './catalog';
import { staleDashboards, writeDashboards } from './write';

const DEFAULT_OUT = 'src/dashboards';

export const DASHBOARDS_CLI = {
  name: 'hybridlens-dashboards',
  summary:
    "The bundled Grafana dashboards (executive summary, SRE overview, calibration) as JSON for the plugin's includes.",
  commands: {
    generate: {
      summary: 'write the dashboards JSON files (staged, then renamed into place)',
      flags: {
        out: {
          type: 'string',
          placeholder: 'DIR',
          default: DEFAULT_OUT,
          description: 'directory of the dashboard files',
        },
      },
    },
    check: {
      summary: 'exit 1 when a dashboard file in --out differs from what generate would write',
      flags: {
        out: {
          type: 'string',
          placeholder: 'DIR',
          default: DEFAULT_OUT,
          description: 'directory of the dashboard files',
        },
      },
    },
  },
} as const satisfies CliSpec;

export function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return runCli(
    DASHBOARDS_CLI,
    argv,
    {
      generate({ values }, io) {
        const report = writeDashboards(values.out, renderDashboards());
        report.written.forEach((name) => io.stdout(`wrote ${values.out}/${name}\n`));
        report.unchanged.forEach((name) => io.stdout(`${values.out}/${name} is already up to date\n`));
        return 0;
      },
      check({ values }, io) {
        const stale = staleDashboards(values.out, renderDashboards());
        if (stale.length > 0) {
          throw new CliUserError(`stale in ${values.out}: ${stale.join(', ')} (run npm run dashboards)`);
        }
        io.stdout(`every dashboard in ${values.out} is up to date\n`);
        return 0;
      },
    },
    { io }
  );
}
