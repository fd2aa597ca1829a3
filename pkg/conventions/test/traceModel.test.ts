import {
  ATTRIBUTE_NAMESPACE,
  GEN_AI_ATTR,
  LLM_ATTR,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  QUANTUM_JOB_STATES,
  QUANTUM_PROVIDER,
  RAW_CONTENT_ATTRIBUTES,
  RAW_CONTENT_EVENTS,
  SPAN_ATTRIBUTES,
  STAGE,
  TRACE_STAGE,
  outcomeOfProviderState,
} from '../src';

describe('trace model names', () => {
  it('extends the lifecycle stages without renaming any', () => {
    for (const stage of Object.values(STAGE)) {
      expect(Object.values(TRACE_STAGE)).toContain(stage);
    }
    expect(new Set(Object.values(TRACE_STAGE)).size).toBe(Object.values(TRACE_STAGE).length);
  });

  it('classifies the contract attribute groups by their namespaces', () => {
    for (const a of Object.values(QUANTUM_ATTR)) {
      expect(a.key.startsWith(ATTRIBUTE_NAMESPACE.quantum)).toBe(true);
    }
    for (const a of Object.values(GEN_AI_ATTR)) {
      expect(a.key.startsWith(ATTRIBUTE_NAMESPACE.genAi)).toBe(true);
    }
    for (const a of Object.values(ORCHESTRATOR_ATTR)) {
      expect(a.key.startsWith(ATTRIBUTE_NAMESPACE.orchestrator)).toBe(true);
    }
  });

  it('never lists a contract attribute as raw content', () => {
    const contractKeys = Object.values(SPAN_ATTRIBUTES)
      .flat()
      .map((a) => a.key);
    expect(contractKeys).toEqual(expect.arrayContaining([GEN_AI_ATTR.requestModel.key, LLM_ATTR.promptHash.key]));
    for (const key of contractKeys) {
      expect(RAW_CONTENT_ATTRIBUTES.some((raw) => key === raw || key.startsWith(`${raw}.`))).toBe(false);
    }
    expect(RAW_CONTENT_EVENTS).not.toContain('gen_ai.evaluation.result');
  });

  it('has job states for every provider, with distinct final states mapped back to outcomes', () => {
    expect(Object.keys(QUANTUM_JOB_STATES).sort()).toEqual(Object.values(QUANTUM_PROVIDER).sort());
    for (const [provider, states] of Object.entries(QUANTUM_JOB_STATES)) {
      const finals = Object.values(states.final);
      expect(new Set(finals).size).toBe(finals.length);
      for (const [outcome, name] of Object.entries(states.final)) {
        expect(outcomeOfProviderState(provider, name)).toBe(outcome);
      }
      expect(outcomeOfProviderState(provider, states.running)).toBeUndefined();
    }
    expect(outcomeOfProviderState('braket', 'FAILED')).toBe('error');
    expect(outcomeOfProviderState('nowhere', 'DONE')).toBeUndefined();
  });
});
