import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeWithBinary, listRuleFiles, promtool } from '@hybridlens/testkit';
import { readYaml, rootPath } from './stackFiles';

/**
 * The configs of the README's "Scaling past one machine". Mimir, Loki, Tempo and Helm cannot run here: these
 * tests keep them equal to what compose runs and large enough for what the rule generator writes.
 */
const SCALING = 'provisioning/scaling';
const RULES_DIR = rootPath('provisioning/prometheus/rules');

interface RuleGroup {
  name: string;
  rules: unknown[];
}

const ruleGroups = (): RuleGroup[] =>
  listRuleFiles(RULES_DIR).flatMap(
    (file) => (parse(readFileSync(file, 'utf8')) as { groups?: RuleGroup[] } | null)?.groups ?? []
  );

type Obj = Record<string, unknown>;

describe('scaling past one machine', () => {
  it("Mimir's ruler limits hold every rule group the generators write, and exemplars are kept", () => {
    const mimir = readYaml<{ limits: Obj; ruler: Obj }>(`${SCALING}/mimir/mimir.yaml`);
    const groups = ruleGroups();
    const largest = Math.max(...groups.map((g) => g.rules.length));
    // Mimir's defaults (20 rules per group, 70 groups per tenant) are too small for the SLO groups.
    expect(largest).toBeGreaterThan(20);
    expect(mimir.limits.ruler_max_rules_per_rule_group).toBeGreaterThanOrEqual(largest);
    expect(mimir.limits.ruler_max_rule_groups_per_tenant).toBeGreaterThanOrEqual(groups.length);
    expect(mimir.limits.max_global_exemplars_per_user).toBeGreaterThan(0);
    expect(mimir.ruler.alertmanager_url).toEqual(expect.any(String));
  });

  it("Loki's distributed values keep compose's limits (OTLP stream labels, structured metadata)", () => {
    const compose = readYaml<{ limits_config: Obj }>('provisioning/loki/loki.yaml');
    const values = readYaml<{ deploymentMode: string; loki: { limits_config: Obj } }>(`${SCALING}/loki/values.yaml`);
    expect(values.deploymentMode).toBe('Distributed');
    expect(values.loki.limits_config).toEqual(compose.limits_config);
  });

  it("Grafana's datasources differ from compose's only in where they point and the tenant header", () => {
    type Datasource = Obj & { jsonData?: Obj };
    const read = (path: string) => readYaml<{ datasources: Datasource[] }>(path).datasources;
    const withoutPlace = ({ url: _url, secureJsonData: _secret, jsonData, ...rest }: Datasource) => {
      const { httpHeaderName1: _header, ...json } = jsonData ?? {};
      return { ...rest, jsonData: json };
    };
    const scaled = read(`${SCALING}/grafana/datasources.yaml`);
    expect(scaled.map(withoutPlace)).toEqual(read('provisioning/datasources/datasources.yaml').map(withoutPlace));
    const prometheus = scaled.find((d) => d.type === 'prometheus')!;
    expect(prometheus.jsonData!.httpHeaderName1).toBe('X-Scope-OrgID');
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'the Prometheus agent', () => {
    it("passes promtool check config --agent and scrapes what compose's Prometheus scrapes, exemplars forwarded", () => {
      const path = rootPath(`${SCALING}/prometheus/prometheus-agent.yml`);
      expect(promtool(['check', 'config', '--agent', path])).toMatch(/SUCCESS/);
      type Config = { scrape_configs: Obj[]; remote_write?: Obj[]; rule_files?: unknown };
      const agent = readYaml<Config>(`${SCALING}/prometheus/prometheus-agent.yml`);
      const server = readYaml<Config>('provisioning/prometheus/prometheus.yml');
      const jobs = (c: Config) => c.scrape_configs.filter((j) => j.job_name !== 'prometheus');
      expect(jobs(agent)).toEqual(jobs(server));
      expect(agent.rule_files).toBeUndefined();
      expect(agent.remote_write).toEqual([expect.objectContaining({ send_exemplars: true })]);
    });
  });

  describe('sync-rules.sh', () => {
    let work: string;
    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'hl-sync-rules-'));
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    // mimirtool is not on these machines: a stand-in records what the script hands it.
    function fakeMimirtool(): string {
      const bin = join(work, 'bin');
      const record = join(work, 'record');
      spawnSync('mkdir', ['-p', bin, record]);
      const script = `#!/bin/sh\necho "$@" > ${record}/args\nfor f in "$@"; do case "$f" in *.yml) cp "$f" ${record}/;; esac; done\n`;
      writeFileSync(join(bin, 'mimirtool'), script);
      chmodSync(join(bin, 'mimirtool'), 0o755);
      return bin;
    }

    const run = (env: Record<string, string>) =>
      spawnSync('sh', [rootPath(`${SCALING}/mimir/sync-rules.sh`), RULES_DIR], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });

    it('names a namespace per rule file and syncs only the hybridlens namespaces', () => {
      const bin = fakeMimirtool();
      const result = run({
        PATH: `${bin}:${process.env.PATH}`,
        MIMIR_ADDRESS: 'http://mimir.invalid',
        MIMIR_TENANT_ID: 't',
      });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      const record = join(work, 'record');
      expect(readFileSync(join(record, 'args'), 'utf8')).toMatch(/^rules sync --namespaces-regex \^hybridlens\\\. /);
      const sent = readdirSync(record).filter((f) => f.endsWith('.yml'));
      expect(sent).toHaveLength(listRuleFiles(RULES_DIR).length);
      for (const file of sent) {
        const doc = parse(readFileSync(join(record, file), 'utf8')) as { namespace: string; groups: RuleGroup[] };
        expect(doc.namespace).toBe(`hybridlens.${file.replace(/\.yml$/, '')}`);
        expect(doc.groups.length).toBeGreaterThan(0);
      }
    });

    it('says which variable is missing', () => {
      const result = run({ MIMIR_ADDRESS: '', MIMIR_TENANT_ID: 't' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/MIMIR_ADDRESS/);
    });
  });
});
