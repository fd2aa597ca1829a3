import { type CliSpec } from '@hybridlens/cli';
import { DEFAULT_ALERTMANAGER_FILE, DEFAULT_WEBHOOK_ROOT } from '../alertmanager/config';
import { DEFAULT_GRAFANA_URL } from '../generate';

export const DEFAULT_RULES_DIR = 'provisioning/prometheus/rules';

const GENERATE_DETAILS = `
Safety: every file is generated into a staging directory inside --out and checked as a whole (each parses as a
rule file; \`promtool check rules\` too when promtool is on the PATH). Only then are the files renamed into
place, one atomic rename each. A spec with an error, a file that does not check, an --out that is a file or
read-only: the command says so and changes nothing. Files without the generated header are never overwritten
or removed. Rule files generated earlier for SLOs that are no longer generated stay (and are listed) unless
--prune is given.

examples:
  hybridlens-slo generate
  hybridlens-slo generate --specs slos.yaml --grafana-url https://grafana.example.com
  hybridlens-slo generate --no-defaults --specs team-slos.yaml --out rules/ --prune`;

const ALERTMANAGER_DETAILS = `
Routes by the alert's severity label (the ops guide's P0/P1/P2): P0 and P1 to the "pager" receiver, P2 to
"notify". Alerts with an automated mitigation (the contract's ALERT_MITIGATION) also go to the service's
admin API webhook. The receivers "pager" and "notify" have no integration: add yours (pagerduty_configs,
slack_configs, ...) after generating and delete the generated header line, so later runs leave the file alone.
Written atomically; checked with \`amtool check-config\` when amtool is on the PATH.`;

/** The command line of hybridlens-slo. */
export const SLO_CLI = {
  name: 'hybridlens-slo',
  summary:
    'SLO specs (the shipped defaults and OpenSLO v1 files) → Prometheus recording and alert rules, and the Alertmanager routing for those alerts.',
  commands: {
    generate: {
      summary: 'write the Prometheus rule files: SLO recording rules, burn-rate alerts and the ops alerts',
      flags: {
        out: {
          type: 'string',
          placeholder: 'DIR',
          default: DEFAULT_RULES_DIR,
          description: 'directory for the rule files, created when missing',
        },
        'grafana-url': {
          type: 'url',
          default: DEFAULT_GRAFANA_URL,
          description: 'Grafana root URL for the runbook and drilldown links in alerts',
        },
        specs: {
          type: 'string',
          multiple: true,
          placeholder: 'FILE',
          description: 'an OpenSLO v1 YAML file with more SLOs (kinds SLO and SLI)',
        },
        'no-defaults': { type: 'boolean', description: 'leave out the shipped SLOs of the ops guide' },
        prune: {
          type: 'boolean',
          description: 'remove rule files this generator wrote earlier for SLOs that are no longer generated',
        },
      },
      details: GENERATE_DETAILS,
    },
    alertmanager: {
      summary: 'write the Alertmanager configuration: routing by severity and the automated-mitigation webhook',
      flags: {
        out: {
          type: 'string',
          placeholder: 'FILE',
          default: DEFAULT_ALERTMANAGER_FILE,
          description: 'the Alertmanager configuration file to write',
        },
        'webhook-url': {
          type: 'url',
          default: DEFAULT_WEBHOOK_ROOT,
          description: "root URL of the service whose admin API applies mitigations (the simulator's in the demo)",
        },
        'webhook-token-file': {
          type: 'string',
          placeholder: 'FILE',
          description: "file with the admin API's bearer token, as Alertmanager will see it (only the path is written)",
        },
      },
      details: ALERTMANAGER_DETAILS,
    },
  },
} as const satisfies CliSpec;
