import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';
import { repoRoot } from '@hybridlens/testkit';
import { committedDashboards } from './support/committed';

/**
 * Grafana's own dashboard types (@grafana/schema, the version the plugin builds against) turned into a JSON
 * schema here, offline. Extra properties are allowed: Grafana keeps plugin-specific panel options there.
 */
const DASHBOARD_TYPES = resolve(repoRoot, 'node_modules/@grafana/schema/dist/types/veneer/dashboard.types.d.ts');

let validate: ValidateFunction;

beforeAll(() => {
  const schema = createGenerator({
    path: DASHBOARD_TYPES,
    type: 'Dashboard',
    additionalProperties: true,
    skipTypeCheck: true,
    // Two DataSourceRef declarations (common and raw) would collide as named definitions.
    expose: 'none',
  }).createSchema('Dashboard');
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
}, 120_000);

const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('\n');

describe("dashboards against @grafana/schema's Dashboard type", () => {
  it.each(committedDashboards().map((d) => [d.uid, d] as const))('%s is a valid dashboard', (_uid, dashboard) => {
    const ok = validate(dashboard);
    expect(problems()).toBe('');
    expect(ok).toBe(true);
  });

  it('the schema rejects a broken dashboard (a required field missing, a string where Grafana expects a number)', () => {
    const [dashboard] = committedDashboards();
    const broken = JSON.parse(JSON.stringify(dashboard)) as Record<string, unknown> & {
      panels: Array<{ gridPos: Record<string, unknown> }>;
    };
    delete broken.schemaVersion;
    expect(validate(broken)).toBe(false);
    expect(problems()).toMatch(/schemaVersion/);
    broken.schemaVersion = 42;
    broken.panels[0]!.gridPos.h = 'tall';
    expect(validate(broken)).toBe(false);
    expect(problems()).toMatch(/gridPos\/h/);
  });
});
