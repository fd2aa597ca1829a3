import '../../testing/jsdomPolyfills';
import { scopeLine } from './scopeLine';

describe('playbook scope line', () => {
  it('names the filters and the provider as people read them; unset filters are "all"', () => {
    expect(scopeLine(['provider', 'backend'], { provider: 'ibm' })).toBe('Provider: IBM Quantum, Backend: all');
    expect(scopeLine(['provider', 'model'], { provider: 'braket', model: 'gpt-4o' })).toBe(
      'Provider: Amazon Braket, Model: gpt-4o'
    );
  });

  it('shows a provider outside the contract by its id, and a playbook without scope as the whole pipeline', () => {
    expect(scopeLine(['provider'], { provider: 'quantinuum' })).toBe('Provider: quantinuum');
    expect(scopeLine([], {})).toBe('the whole pipeline');
  });
});
