import '../testing/jsdomPolyfills';
import { MultiValueVariable, getUrlState, sceneGraph, syncStateFromSearchParams } from '@grafana/scenes';
import { METRIC, QUANTUM_PROVIDER, VARIABLE, variableUrlParam } from '@hybridlens/conventions';
import { resolveSettings } from '../settings/settings';
import { activateDataTree, installSceneTestEnv, settle } from '../testing/sceneTestEnv';
import { buildOverviewScene } from '../pages/overview/overviewPage';
import { SUMMARY } from '../pages/overview/overviewQueries';
import { providerDisplayName } from '../ui/providerNames';
import { providerOptions } from './providerVariable';

const env = installSceneTestEnv();

describe('Provider filter options', () => {
  it('show each provider by name and keep its id as the value', () => {
    const ids = Object.values(QUANTUM_PROVIDER);
    const options = providerOptions(ids.map((id) => ({ label: id, value: id })));
    expect(options.map((o) => o.value).sort()).toEqual([...ids].sort());
    for (const option of options) {
      expect(option.label).toBe(providerDisplayName(String(option.value)));
      expect(option.label).not.toBe(option.value);
    }
  });

  it('list the names in alphabetical order, not the ids', () => {
    const options = providerOptions(['ibm', 'braket', 'azure'].map((id) => ({ label: id, value: id })));
    expect(options.map((o) => o.label)).toEqual(['Amazon Braket', 'Azure Quantum', 'IBM Quantum']);
  });

  it('show a provider outside the contract by its id', () => {
    expect(providerOptions([{ label: 'quantinuum', value: 'quantinuum' }])).toEqual([
      { label: 'quantinuum', value: 'quantinuum' },
    ]);
  });
});

describe('Provider filter in a page', () => {
  beforeEach(() => {
    env.issued.length = 0;
    env.setLabelValues({ provider: ['ibm', 'braket', 'quantinuum'] });
  });

  async function overviewAt(search: string) {
    const scene = buildOverviewScene(resolveSettings(undefined));
    syncStateFromSearchParams(scene, new URLSearchParams(search));
    const undo = activateDataTree(scene);
    await settle(20);
    const variable = sceneGraph.lookupVariable(VARIABLE.provider, scene) as MultiValueVariable;
    return { scene, variable, undo };
  }

  it('a provider id in the URL shows its name, and the URL and the queries keep the id', async () => {
    const { scene, variable, undo } = await overviewAt(`?${variableUrlParam(VARIABLE.provider)}=ibm`);
    expect(variable.state.value).toEqual(['ibm']);
    expect(variable.state.text).toEqual(['IBM Quantum']);
    expect(variable.getOptionsForSelect().map((o) => [o.label, o.value])).toEqual([
      ['All', '$__all'],
      ['Amazon Braket', 'braket'],
      ['IBM Quantum', 'ibm'],
      ['quantinuum', 'quantinuum'],
    ]);
    expect(getUrlState(scene)).toMatchObject({ [variableUrlParam(VARIABLE.provider)]: ['ibm'] });
    expect(env.issued.find((q) => q.refId === SUMMARY.spend)!.expr).toContain(
      `${METRIC.quantumSpend.name}{provider=~"ibm"}`
    );
    undo();
  });

  it('picking a provider by name sets its id', async () => {
    const { scene, variable, undo } = await overviewAt('');
    expect(variable.state.text).toEqual(['All']);
    variable.changeValueTo(['braket']);
    expect(variable.state.text).toEqual(['Amazon Braket']);
    expect(getUrlState(scene)).toMatchObject({ [variableUrlParam(VARIABLE.provider)]: ['braket'] });
    undo();
  });

  it('a provider outside the contract is selected and shown by its id', async () => {
    const { variable, undo } = await overviewAt(`?${variableUrlParam(VARIABLE.provider)}=quantinuum`);
    expect(variable.state.value).toEqual(['quantinuum']);
    expect(variable.state.text).toEqual(['quantinuum']);
    undo();
  });
});
