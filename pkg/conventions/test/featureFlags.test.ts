import { FEATURE_FLAG, FEATURE_FLAG_ACTION, MITIGATION_ACTION, formatFeatureFlag, parseFeatureFlag } from '../src';

describe('feature flags', () => {
  it('formats and parses every flag the orchestrator lists, arguments included', () => {
    const flags = [
      { name: FEATURE_FLAG.forceSimulator },
      { name: FEATURE_FLAG.shotReduction, arg: '4' },
      { name: FEATURE_FLAG.disableProvider, arg: 'ibm' },
      { name: FEATURE_FLAG.deterministicDecoding },
    ];
    const texts = flags.map(formatFeatureFlag);
    expect(texts).toEqual(['force_simulator', 'shot_reduction:4', 'disable_provider:ibm', 'deterministic_decoding']);
    expect(texts.map(parseFeatureFlag)).toEqual(flags);
  });

  it('keeps an argument that itself holds the separator whole', () => {
    expect(parseFeatureFlag('disable_provider:aws:braket')).toEqual({
      name: FEATURE_FLAG.disableProvider,
      arg: 'aws:braket',
    });
  });

  it.each([
    '',
    'turbo',
    'force_simulator:1',
    'shot_reduction',
    'shot_reduction:',
    'shot_reduction:1',
    'shot_reduction:x',
    'disable_provider',
    'disable_provider:',
  ])('refuses %j', (text) => {
    expect(parseFeatureFlag(text)).toBeUndefined();
  });

  it('refuses to format a flag with a missing or an unexpected argument, naming the flag', () => {
    expect(() => formatFeatureFlag({ name: FEATURE_FLAG.shotReduction })).toThrow('shot_reduction: needs an argument');
    expect(() => formatFeatureFlag({ name: FEATURE_FLAG.forceSimulator, arg: 'x' })).toThrow(
      'force_simulator: takes no argument'
    );
  });

  it('maps every flag to an action that puts it in force', () => {
    const actions = new Set<string>(Object.values(MITIGATION_ACTION));
    for (const name of Object.values(FEATURE_FLAG)) {
      expect(actions.has(FEATURE_FLAG_ACTION[name])).toBe(true);
    }
  });
});
