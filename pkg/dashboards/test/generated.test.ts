import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '@hybridlens/testkit';
import { BUNDLED_DASHBOARDS, renderDashboards, staleDashboards, writeDashboards } from '../src';
import { main } from '../src/cli';
import { DASHBOARD_DIR } from './support/committed';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe('generated dashboards', () => {
  it('the committed JSON is what the generator writes (run `npm run dashboards` when this fails)', () => {
    expect(staleDashboards(DASHBOARD_DIR, renderDashboards())).toEqual([]);
    expect(readdirSync(DASHBOARD_DIR).sort()).toEqual(BUNDLED_DASHBOARDS.map((d) => d.file).sort());
  });

  it('plugin.json includes exactly the bundled dashboards, titled as they are', () => {
    const plugin = JSON.parse(readFileSync(resolve(repoRoot, 'src/plugin.json'), 'utf8')) as {
      includes: Array<{ type: string; name: string; path?: string }>;
    };
    const included = plugin.includes.filter((i) => i.type === 'dashboard');
    expect(included).toEqual(
      BUNDLED_DASHBOARDS.map((d) => ({ type: 'dashboard', name: d.build().title, path: `dashboards/${d.file}` }))
    );
  });

  it('uids are unique and stable across builds', () => {
    const uids = BUNDLED_DASHBOARDS.map((d) => d.build().uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(BUNDLED_DASHBOARDS.map((d) => d.build().uid)).toEqual(BUNDLED_DASHBOARDS.map((d) => d.uid));
  });
});

describe('writing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-dash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file, then only what changed, and leaves no staging directory behind', () => {
    const files = renderDashboards();
    expect(writeDashboards(dir, files).written.sort()).toEqual([...files.keys()].sort());
    const [first] = [...files.keys()];
    writeFileSync(join(dir, first!), '{"hand": "edited"}\n');
    const again = writeDashboards(dir, files);
    expect(again.written).toEqual([first]);
    expect(again.unchanged).toHaveLength(files.size - 1);
    expect(readFileSync(join(dir, first!), 'utf8')).toBe(files.get(first!));
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
  });

  it('the CLI: generate, check (exit 1 naming the stale file), usage errors (exit 2)', async () => {
    const gen = capture();
    expect(await main(['generate', '--out', dir], gen.io)).toBe(0);
    expect(gen.out.stdout).toMatch(/wrote .*executive-summary\.json/);
    const ok = capture();
    expect(await main(['check', '--out', dir], ok.io)).toBe(0);
    writeFileSync(join(dir, 'calibration.json'), '{}\n');
    const stale = capture();
    expect(await main(['check', '--out', dir], stale.io)).toBe(1);
    expect(stale.out.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^hybridlens-dashboards check: stale in .*: calibration\.json \(run npm run dashboards\)$/),
    ]);
    const usage = capture();
    expect(await main(['generate', '--outt', dir], usage.io)).toBe(2);
    expect(usage.out.stderr).toMatch(/outt/);
  });
});
