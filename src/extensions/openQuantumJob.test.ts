import '../testing/jsdomPolyfills';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PluginExtensionPoints } from '@grafana/data';
import { APP_BASE_PATH, QUANTUM_ATTR, parseAppUrl } from '@hybridlens/conventions';
import { ENTRY_APP_ROOT } from '../entry/appId';
import { jobPathsLoaded, plugin } from '../module';
import { OPEN_QUANTUM_JOB } from './linkMeta';
import { quantumJobPath } from './openQuantumJob';

const JOB = QUANTUM_ATTR.jobId.key;
const datasource = { type: 'tempo', uid: 'tempo-a' };

describe('Open quantum job in Hybrid Lens (trace view)', () => {
  it('is declared in plugin.json on the trace view point and keyed on the contract job id attribute', () => {
    const pluginJson = JSON.parse(readFileSync(join(__dirname, '../plugin.json'), 'utf8'));
    expect(pluginJson.extensions.addedLinks).toContainEqual({
      title: OPEN_QUANTUM_JOB.title,
      description: OPEN_QUANTUM_JOB.description,
      targets: [...OPEN_QUANTUM_JOB.targets],
    });
    expect(OPEN_QUANTUM_JOB.targets).toEqual([PluginExtensionPoints.TraceViewResourceAttributes]);
    expect(OPEN_QUANTUM_JOB.category).toBe(JOB);
  });

  it('opens the job page for a span carrying a job id, around the span start', () => {
    const start = Date.UTC(2026, 10, 26, 12);
    const path = quantumJobPath({
      attributes: { 'service.name': ['hybrid-solver'] },
      spanAttributes: { [JOB]: ['arn:aws:braket:eu-north-1:1:quantum-task/<img onerror=x>'] },
      timeRange: { from: 0, to: 1 },
      datasource,
      spanStartTime: start,
    });
    expect(path!.startsWith(`${APP_BASE_PATH}/`)).toBe(true);
    expect(parseAppUrl(path!)).toMatchObject({
      page: 'quantumJob',
      params: { jobId: 'arn:aws:braket:eu-north-1:1:quantum-task/<img onerror=x>' },
      time: { from: String(start - 3600_000), to: String(start + 6 * 3600_000) },
    });
    // Without a span start, the trace view's own range.
    expect(
      parseAppUrl(quantumJobPath({ spanAttributes: { [JOB]: ['j1'] }, timeRange: { from: 5, to: 9 }, datasource })!)
    ).toMatchObject({ params: { jobId: 'j1' }, time: { from: '5', to: '9' } });
  });

  it('offers nothing on spans without a job id, and survives odd context', () => {
    expect(quantumJobPath({ attributes: {}, spanAttributes: { 'gen_ai.request.model': ['m'] } })).toBeUndefined();
    expect(quantumJobPath({ spanAttributes: { [JOB]: ['  '] } })).toBeUndefined();
    expect(quantumJobPath({ spanAttributes: { [JOB]: ['x'.repeat(513)] } })).toBeUndefined();
    expect(quantumJobPath(undefined)).toBeUndefined();
    expect(quantumJobPath({ spanAttributes: { [JOB]: 42 as unknown as string[] } })).toBeUndefined();
    // A resource attribute counts too (a job runner that sets it on its resource).
    expect(parseAppUrl(quantumJobPath({ attributes: { [JOB]: ['r1'] } })!)).toMatchObject({ params: { jobId: 'r1' } });
  });

  it('is registered in module.js as a real link that configures to the job page or hides', async () => {
    const link = plugin.addedLinkConfigs.find((l) => l.title === OPEN_QUANTUM_JOB.title)!;
    expect(link.targets).toEqual([...OPEN_QUANTUM_JOB.targets]);
    expect(link.category).toBe(JOB);
    expect(link.path).toBe(ENTRY_APP_ROOT);
    await jobPathsLoaded;
    expect(parseAppUrl(link.configure!({ spanAttributes: { [JOB]: ['j9'] } })!.path!)).toMatchObject({
      page: 'quantumJob',
      params: { jobId: 'j9' },
    });
    expect(link.configure!({ spanAttributes: {} })).toBeUndefined();
  });
});
