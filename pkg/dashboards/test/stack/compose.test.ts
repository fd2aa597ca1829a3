import { existsSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { ADMIN_API_PATH, LOKI_STREAM_LABEL } from '@hybridlens/conventions';
import { CALIBRATION_CLI } from '@hybridlens/calibration';
import type { CliSpec } from '@hybridlens/cli';
import { SIM_CLI } from '../../../simulator/src/cliSpec';
import { BUNDLED_DASHBOARDS, EXECUTIVE_SUMMARY_UID } from '../../src';
import { COMPOSE_HISTORY_CLI } from '../../scripts/composeHistoryCli';
import { rootPath, commandText, compose, withDefaults, type ComposeService } from './stackFiles';

const file = compose();
const services = Object.entries(file.services);
const ONE_SHOT = 'no';
const LONG_RUNNING = 'unless-stopped';
/** Host paths that do not exist in a checkout because a one-shot service of the stack makes them. */
const MADE_BY_THE_STACK: Record<string, string> = { './dist': 'plugin-build (npm run build)' };

function dependencies(service: ComposeService): Record<string, { condition: string }> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) {
    throw new Error('depends_on must name a condition for every dependency');
  }
  return deps;
}

describe('docker-compose.yaml', () => {
  it('is valid against the Compose specification (the JSON schema bundled by dclint)', () => {
    const schema = JSON.parse(readFileSync(rootPath('node_modules/dclint/schemas/compose.schema.json'), 'utf8'));
    // The bundled schema names its draft by an https URL ajv does not register; the schema itself is plain draft-07.
    const validate = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(schema);
    const ok = validate(file);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(ok).toBe(true);
    // The validator is not a rubber stamp: a healthcheck given as a mapping is refused.
    const broken = JSON.parse(JSON.stringify(file)) as { services: Record<string, { healthcheck?: unknown }> };
    broken.services.grafana!.healthcheck = { test: { wget: 'x' } };
    expect(validate(broken)).toBe(false);
  });

  it('every depends_on, named volume and mounted host path exists', () => {
    const declaredVolumes = new Set(Object.keys(file.volumes ?? {}));
    for (const [name, service] of services) {
      for (const dep of Object.keys(dependencies(service))) {
        expect({ service: name, dependsOn: dep, exists: dep in file.services }).toEqual({
          service: name,
          dependsOn: dep,
          exists: true,
        });
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.') || source.startsWith('/')) {
          const exists = existsSync(rootPath(source)) || source in MADE_BY_THE_STACK;
          expect({ service: name, hostPath: source, exists }).toEqual({
            service: name,
            hostPath: source,
            exists: true,
          });
        } else {
          expect({ service: name, volume: source, declared: declaredVolumes.has(source) }).toEqual({
            service: name,
            volume: source,
            declared: true,
          });
        }
      }
    }
  });

  it('publishes every port on 127.0.0.1 unless HYBRIDLENS_BIND says otherwise', () => {
    const ports = services.flatMap(([, s]) => s.ports ?? []);
    expect(ports.length).toBeGreaterThan(5);
    for (const port of ports) {
      expect(port).toMatch(/^\$\{HYBRIDLENS_BIND:-127\.0\.0\.1\}:\d+:\d+$/);
      expect(withDefaults(port)).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('pins every image to a version', () => {
    for (const [name, service] of services) {
      const image = withDefaults(service.image ?? '');
      expect({ service: name, image, pinned: /:[0-9v][\w.-]*$/.test(image) && !/:latest$/.test(image) }).toEqual({
        service: name,
        image,
        pinned: true,
      });
    }
  });

  it('long-running services restart and have a health check; one-shot jobs are waited for until they complete', () => {
    const waitedFor = new Map<string, string[]>();
    for (const [, service] of services) {
      for (const [dep, { condition }] of Object.entries(dependencies(service))) {
        waitedFor.set(dep, [...(waitedFor.get(dep) ?? []), condition]);
      }
    }
    for (const [name, service] of services) {
      if (service.restart === ONE_SHOT) {
        expect({ service: name, healthcheck: service.healthcheck }).toEqual({ service: name, healthcheck: undefined });
        expect(waitedFor.get(name) ?? ['nobody waits']).toEqual(
          expect.arrayContaining(['service_completed_successfully'])
        );
        expect(new Set(waitedFor.get(name))).toEqual(new Set(['service_completed_successfully']));
      } else {
        expect({ service: name, restart: service.restart }).toEqual({ service: name, restart: LONG_RUNNING });
        expect({ service: name, healthcheck: Boolean(service.healthcheck?.test) }).toEqual({
          service: name,
          healthcheck: true,
        });
        for (const condition of waitedFor.get(name) ?? []) {
          expect({ dependency: name, condition }).toEqual({ dependency: name, condition: 'service_healthy' });
        }
      }
    }
  });

  it('has no Promtail; the simulator sends logs to the OTLP endpoint that Loki configures', () => {
    expect(services.filter(([, s]) => (s.image ?? '').includes('promtail'))).toEqual([]);
    const simulator = commandText(file.services.simulator!);
    expect(simulator).toContain('--otlp-logs-url http://loki:3100/otlp/v1/logs');
    const loki = readFileSync(rootPath('provisioning/loki/loki.yaml'), 'utf8');
    expect(loki).toContain('otlp_config');
    expect(Object.values(LOKI_STREAM_LABEL)).toContain('service_name');
  });

  it('the admin token reaches the simulator and Alertmanager from one volume, never from the command line', () => {
    const simulator = file.services.simulator!;
    const tokenFlag = /--admin-token-file (\S+)/.exec(commandText(simulator));
    expect(tokenFlag).not.toBeNull();
    const tokenDir = tokenFlag![1]!.replace(/\/[^/]+$/, '');
    const secretsVolume = (simulator.volumes ?? []).find((v) => v.split(':')[1] === tokenDir)?.split(':')[0];
    expect(secretsVolume).toBeDefined();
    expect((file.services.alertmanager!.volumes ?? []).some((v) => v.startsWith(`${secretsVolume}:`))).toBe(true);
    expect(commandText(file.services['admin-token']!)).toContain('randomBytes');
    expect(JSON.stringify(file)).not.toMatch(/--admin-token[ =](?!file)/);
    // Alertmanager posts to the contract's webhook path on the simulator.
    expect(readFileSync(rootPath('provisioning/alertmanager/alertmanager.yml'), 'utf8')).toContain(
      `http://simulator:9464${ADMIN_API_PATH.alertmanager}`
    );
  });

  it('Prometheus keeps exemplars and starts on history with the SLO series recorded', () => {
    expect(commandText(file.services.prometheus!)).toContain('--enable-feature=exemplar-storage');
    expect(dependencies(file.services.prometheus!)['prometheus-init']).toEqual({
      condition: 'service_completed_successfully',
    });
    const init = commandText(file.services['prometheus-init']!);
    expect(init).toContain('/load-history.sh');
    expect(commandText(file.services.history!)).toContain('pkg/dashboards/scripts/compose-history.ts build');
    // The history service runs the pinned image's own promtool and prometheus, copied out by a one-shot job.
    expect(dependencies(file.services.history!)['prometheus-tools']).toEqual({
      condition: 'service_completed_successfully',
    });
    expect(file.services['prometheus-tools']!.image).toBe(file.services.prometheus!.image);
  });

  it('runs the simulator and the calibration exporter with flags their command-line specs declare', () => {
    const uses: Array<[string, CliSpec, string]> = [
      ['simulator', SIM_CLI, 'live'],
      ['history', COMPOSE_HISTORY_CLI, 'build'],
      ['calibration', CALIBRATION_CLI, 'serve'],
    ];
    for (const [service, cli, command] of uses) {
      const text = commandText(file.services[service]!);
      const invocation = new RegExp(`\\b${command}\\b(.*?)(?:&&|$)`).exec(text)?.[1];
      expect({ service, command, found: invocation !== undefined }).toEqual({ service, command, found: true });
      const flags = [...invocation!.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
      expect(flags.length).toBeGreaterThan(0);
      const known = Object.keys(cli.commands[command]!.flags ?? {});
      expect({ service, unknown: flags.filter((f) => !known.includes(f)) }).toEqual({ service, unknown: [] });
    }
  });

  it("backfills at least twice the executive summary's range, so its week-over-week comparisons have a week before", () => {
    const days = /compose-history\.ts build\b.*?--days[ =](\d+(?:\.\d+)?)/.exec(
      commandText(file.services.history!)
    )?.[1];
    expect(days).toBeDefined();
    const summary = JSON.parse(
      readFileSync(
        rootPath(`src/dashboards/${BUNDLED_DASHBOARDS.find((d) => d.uid === EXECUTIVE_SUMMARY_UID)!.file}`),
        'utf8'
      )
    ) as { time: { from: string; to: string } };
    expect(summary.time.to).toBe('now');
    const range = /^now-(\d+)([hd])$/.exec(summary.time.from);
    expect(range).not.toBeNull();
    const rangeDays = Number(range![1]) / (range![2] === 'h' ? 24 : 1);
    expect(Number(days)).toBeGreaterThanOrEqual(2 * rangeDays);
  });
});
