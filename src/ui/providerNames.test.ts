import { QUANTUM_PROVIDER } from '@hybridlens/conventions';
import { backendDisplayName, providerDisplayName } from './providerNames';

describe('provider display names', () => {
  const ids = Object.values(QUANTUM_PROVIDER);

  it.each(ids)('names provider id %s in words, not as its label value', (id) => {
    const name = providerDisplayName(id);
    expect(name.trim()).not.toBe('');
    expect(name.toLowerCase()).not.toBe(id.toLowerCase());
    // A display name starts with a capital, as the providers write their services.
    expect(name[0]).toBe(name[0]!.toUpperCase());
  });

  it('gives every provider id its own name', () => {
    const names = ids.map(providerDisplayName);
    expect(new Set(names).size).toBe(ids.length);
  });

  it('names the providers as they name themselves', () => {
    expect(providerDisplayName(QUANTUM_PROVIDER.ibm)).toBe('IBM Quantum');
    expect(providerDisplayName(QUANTUM_PROVIDER.braket)).toBe('Amazon Braket');
    expect(providerDisplayName(QUANTUM_PROVIDER.azure)).toBe('Azure Quantum');
    expect(providerDisplayName(QUANTUM_PROVIDER.google)).toBe('Google Quantum AI');
    expect(providerDisplayName(QUANTUM_PROVIDER.local)).toBe('Local simulator');
  });

  it('shows an id outside the contract as it came, and keeps the backend id as exported', () => {
    expect(providerDisplayName('quantinuum')).toBe('quantinuum');
    expect(backendDisplayName(QUANTUM_PROVIDER.ibm, 'ibm_sherbrooke')).toBe('IBM Quantum / ibm_sherbrooke');
  });
});
