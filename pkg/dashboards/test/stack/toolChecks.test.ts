import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describeWithBinary, promtool } from '@hybridlens/testkit';
import { rootPath } from './stackFiles';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hl-stack-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeWithBinary('promtool', 'apt-get install prometheus', 'promtool check config', () => {
  it("accepts compose's prometheus.yml, with the rule files it mounts", () => {
    // Inside compose the rules are mounted at /etc/prometheus/rules; point the copy at the repository's.
    const config = parse(readFileSync(rootPath('provisioning/prometheus/prometheus.yml'), 'utf8')) as {
      rule_files: string[];
    };
    config.rule_files = config.rule_files.map((glob) =>
      glob.replace('/etc/prometheus/rules', rootPath('provisioning/prometheus/rules'))
    );
    const file = join(work, 'prometheus.yml');
    writeFileSync(file, stringify(config));
    const out = promtool(['check', 'config', file]);
    expect(out).toMatch(/SUCCESS: .*prometheus\.yml is valid/);
    expect(out).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('rejects a config with a mistake (so the check above can fail)', () => {
    const file = join(work, 'broken.yml');
    writeFileSync(file, 'global:\n  scrape_interval: soon\n');
    expect(() => promtool(['check', 'config', file])).toThrow(/scrape_interval|parse|not a valid duration/);
  });
});

describeWithBinary('amtool', 'apt-get install prometheus-alertmanager', 'amtool check-config', () => {
  const amtool = (file: string) => spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });

  it("accepts compose's alertmanager.yml", () => {
    const run = amtool(rootPath('provisioning/alertmanager/alertmanager.yml'));
    expect(`${run.stdout}${run.stderr}`).toMatch(/SUCCESS/);
    expect(run.status).toBe(0);
  });

  it('rejects a route to a receiver that does not exist', () => {
    const file = join(work, 'alertmanager.yml');
    writeFileSync(file, 'route:\n  receiver: nobody\nreceivers:\n  - name: somebody\n');
    expect(amtool(file).status).not.toBe(0);
  });
});
