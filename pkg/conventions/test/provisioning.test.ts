import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { APP_ID, DATASOURCE_TYPE, DATASOURCE_UID } from '../src';

const root = resolve(__dirname, '../../..');
const readYaml = (path: string) => parse(readFileSync(resolve(root, path), 'utf8'));

describe('provisioning follows the contract', () => {
  it('provisions each datasource with the contract uid and type', () => {
    const { datasources } = readYaml('provisioning/datasources/datasources.yaml') as { datasources: Array<{ uid: string; type: string }> };
    for (const key of Object.keys(DATASOURCE_UID) as Array<keyof typeof DATASOURCE_UID>) {
      const ds = datasources.find((d) => d.uid === DATASOURCE_UID[key]);
      expect(ds).toBeDefined();
      expect(ds!.type).toBe(DATASOURCE_TYPE[key]);
    }
  });

  it('enables the app with the contract uids and no secrets', () => {
    const { apps } = readYaml('provisioning/plugins/apps.yaml') as { apps: Array<Record<string, unknown>> };
    const app = apps.find((a) => a.type === APP_ID)!;
    expect(app).toBeDefined();
    expect(app.secureJsonData).toBeUndefined();
    expect(app.jsonData).toMatchObject({ prometheusUid: DATASOURCE_UID.prometheus, tempoUid: DATASOURCE_UID.tempo, lokiUid: DATASOURCE_UID.loki });
  });

  it('plugin.json has the contract id', () => {
    const plugin = JSON.parse(readFileSync(resolve(root, 'src/plugin.json'), 'utf8'));
    expect(plugin.id).toBe(APP_ID);
    expect(plugin.name).toBe('Hybrid Lens');
  });
});
