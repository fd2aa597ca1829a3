import '../../testing/jsdomPolyfills';
import { sceneGraph } from '@grafana/scenes';
import { BURN_RATE_TIERS, LABEL, SLO_SERIES, sloBurnRateSeries } from '@hybridlens/conventions';
import { resolveSettings } from '../../settings/settings';
import { activateDataTree, findAll, installSceneTestEnv, instantFrame, settle } from '../../testing/sceneTestEnv';
import { declaredQueries, duplicateQueries } from '../../app/queryInventory';
import { buildSlosScene } from './slosPage';
import { SloList } from './SloList';
import { SLO_LIST, buildSloRows } from './sloRows';
import { buildSloDetailScene } from '../sloDetail/sloDetailPage';
import { burnWindows } from '../sloDetail/sloDetailQueries';
import { tierStates } from '../sloDetail/tierStates';
import { playbookOf } from '../sloDetail/SloStatus';

const env = installSceneTestEnv();
const info = (slo: string, sliType: string, objective: string) =>
  instantFrame(
    {
      [LABEL.slo]: slo,
      [LABEL.sloService]: 'hybrid',
      [LABEL.sliType]: sliType,
      [LABEL.objective]: objective,
      [LABEL.window]: '30d',
    },
    1
  );
const per = (slo: string, value: number) => instantFrame({ [LABEL.slo]: slo }, value);
const withRef = (refId: string, frames: Array<ReturnType<typeof instantFrame>>) => frames.map((f) => ({ ...f, refId }));

describe('SLO list rows', () => {
  const frames = [
    ...withRef(SLO_LIST.info, [
      info('latency', 'latency', '0.99'),
      info('quantum', 'quantum_job_success', '0.98'),
      info('schema', 'schema_compliance', '0.99'),
      info('new', 'custom', '0.9'),
    ]),
    ...withRef(SLO_LIST.sli, [per('latency', 0.995), per('quantum', 0.97), per('schema', 1)]),
    ...withRef(SLO_LIST.budget, [per('latency', 0.5), per('quantum', -0.5), per('schema', 1)]),
    ...withRef(SLO_LIST.burnRate, [per('latency', 0.4), per('quantum', 3.2), per('schema', 0)]),
    ...withRef(SLO_LIST.events, [per('latency', 5000), per('quantum', 800), per('schema', 12)]),
  ];

  it('lists every SLO of the metadata, worst remaining budget first, SLOs without values last', () => {
    const rows = buildSloRows(frames, 100);
    expect(rows.map((r) => r.slo)).toEqual(['quantum', 'latency', 'schema', 'new']);
    expect(rows[0]).toMatchObject({
      objective: 0.98,
      sli: 0.97,
      budgetRemaining: -0.5,
      burnRate: 3.2,
      events: 800,
      state: 'ok',
      sliType: 'quantum_job_success',
    });
  });

  it('says "no data" and "too little traffic" instead of showing a perfect SLI', () => {
    const byName = Object.fromEntries(buildSloRows(frames, 100).map((r) => [r.slo, r.state]));
    expect(byName).toEqual({ quantum: 'ok', latency: 'ok', schema: 'lowTraffic', new: 'noData' });
    expect(buildSloRows(frames, 10).find((r) => r.slo === 'schema')!.state).toBe('ok');
  });

  it('shows a budget spent by few events as missed when the events leave no doubt (the rule, not a threshold)', () => {
    const rows = buildSloRows(
      [
        ...frames.filter((f) => f.refId !== SLO_LIST.events),
        // 'quantum': 3 % failed against a 2 % budget over 80 events cannot tell; 25 % failed over 80 events can.
        ...withRef(SLO_LIST.events, [per('latency', 5000), per('quantum', 80), per('schema', 12)]),
      ],
      100
    );
    expect(rows.find((r) => r.slo === 'quantum')!.state).toBe('lowTraffic');
    const clear = buildSloRows(
      [
        ...frames.filter((f) => f.refId !== SLO_LIST.events && f.refId !== SLO_LIST.sli),
        ...withRef(SLO_LIST.sli, [per('latency', 0.995), per('quantum', 0.75), per('schema', 1)]),
        ...withRef(SLO_LIST.events, [per('latency', 5000), per('quantum', 80), per('schema', 12)]),
      ],
      100
    );
    expect(clear.find((r) => r.slo === 'quantum')!.state).toBe('ok');
  });

  it('finds nothing without metadata (the page then explains how to generate it)', () => {
    expect(
      buildSloRows(
        frames.filter((f) => f.refId !== SLO_LIST.info),
        100
      )
    ).toEqual([]);
  });
});

describe('SLOs page scene', () => {
  it('discovers SLOs with one runner of five instant queries over the SLO series', async () => {
    env.issued.length = 0;
    const scene = buildSlosScene(resolveSettings(undefined));
    const queries = declaredQueries(scene);
    expect(duplicateQueries(queries)).toEqual([]);
    expect(queries.map((q) => q.refId)).toEqual(Object.values(SLO_LIST));
    expect(queries.find((q) => q.refId === SLO_LIST.info)!.expr).toBe(SLO_SERIES.info);
    const undo = activateDataTree(scene);
    await settle(20);
    expect(env.issued.map((q) => q.refId)).toEqual(Object.values(SLO_LIST));
    expect(env.issued.every((q) => q.instant)).toBe(true);
    const list = findAll(scene, SloList)[0]!;
    expect(sceneGraph.getData(list).state.data?.state).toBe('Done');
    undo();
  });
});

describe('SLO detail scene', () => {
  it('queries one SLO: SLI vs objective, budget (relative and absolute), every burn window once, alert states', async () => {
    env.issued.length = 0;
    const scene = buildSloDetailScene(resolveSettings(undefined), 'quantum-success');
    const queries = declaredQueries(scene);
    expect(duplicateQueries(queries)).toEqual([]);
    for (const q of queries) {
      expect(q.expr).toContain('slo="quantum-success"');
    }
    const exprs = queries.map((q) => q.expr).join('\n');
    for (const w of burnWindows()) {
      expect(exprs).toContain(`${sloBurnRateSeries(w)}{slo="quantum-success"}`);
    }
    // Four tiers use seven distinct windows (6h is shared): each is queried once.
    expect(burnWindows()).toHaveLength(7);
    expect(exprs).toContain(`ALERTS{alertname="HybridSLOBurnRate",slo="quantum-success"}`);
    const undo = activateDataTree(scene);
    await settle(20);
    expect(env.issued).toHaveLength(queries.length);
    undo();
  });

  it('escapes SLO names inside PromQL strings', () => {
    const scene = buildSloDetailScene(resolveSettings(undefined), 'we"ird\\name');
    expect(declaredQueries(scene)[0]!.expr).toContain('slo="we\\"ird\\\\name"');
  });

  it('reads each tier alert state from ALERTS: firing beats pending, absent is ok', () => {
    const frames = withRef('alerts', [
      instantFrame({ tier: 'page-fast', alertstate: 'pending' }, 1),
      instantFrame({ tier: 'page-fast', alertstate: 'firing' }, 1),
      instantFrame({ tier: 'ticket-slow', alertstate: 'pending' }, 1),
    ]);
    expect(tierStates(frames, 'alerts').map((r) => [r.tier.tier, r.state])).toEqual([
      [BURN_RATE_TIERS[0].tier, 'firing'],
      [BURN_RATE_TIERS[1].tier, 'ok'],
      [BURN_RATE_TIERS[2].tier, 'ok'],
      [BURN_RATE_TIERS[3].tier, 'pending'],
    ]);
  });

  it("takes the playbook from the SLO's metadata, ignoring names the app does not know", () => {
    expect(playbookOf({ [LABEL.slo]: 'x', [LABEL.playbook]: 'quantum-errors' })).toBe('quantum-errors');
    expect(playbookOf({ [LABEL.slo]: 'x', [LABEL.playbook]: 'no-such-playbook' })).toBeUndefined();
    expect(playbookOf({ [LABEL.slo]: 'x' })).toBeUndefined();
  });
});
