import { LABEL, QUANTUM_PROVIDER, QUANTUM_PROVIDER_NAME } from '@hybridlens/conventions';
import englishCatalog from '../locales/en-US/hybridlens-observability-app.json';
import { backendDisplayName, labelValueDisplayName, providerDisplayName, vendorDisplayName } from './providerNames';

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

  it("shows the contract's English names, which the bundled dashboards show too", () => {
    for (const id of ids) {
      expect(providerDisplayName(id)).toBe(QUANTUM_PROVIDER_NAME[id]);
    }
    // The English catalog is what Grafana shows: extraction keeps a key's text once written, so a name changed in
    // the contract must be changed there too (npm run i18n:extract writes it only for a new key).
    expect(englishCatalog.providers.name).toEqual(QUANTUM_PROVIDER_NAME);
  });

  it('shows an id outside the contract as it came, and keeps the backend id as exported', () => {
    expect(providerDisplayName('quantinuum')).toBe('quantinuum');
    expect(backendDisplayName(QUANTUM_PROVIDER.ibm, 'ibm_sherbrooke')).toBe('IBM Quantum / ibm_sherbrooke');
  });
});

describe('vendor and label value display names', () => {
  it('names the hardware makers as they name themselves, and any other vendor by its id', () => {
    expect(vendorDisplayName('ibm')).toBe('IBM');
    expect(vendorDisplayName('iqm')).toBe('IQM');
    expect(vendorDisplayName('ionq')).toBe('IonQ');
    expect(vendorDisplayName('acme-qpu')).toBe('acme-qpu');
    // A map lookup, not an object's: prototype names are ids like any other.
    expect(vendorDisplayName('constructor')).toBe('constructor');
  });

  it('names provider and vendor label values; every other label keeps its value', () => {
    expect(labelValueDisplayName(LABEL.provider, QUANTUM_PROVIDER.google)).toBe('Google Quantum AI');
    expect(labelValueDisplayName(LABEL.vendor, 'rigetti')).toBe('Rigetti');
    expect(labelValueDisplayName(LABEL.backend, 'ibm_torino')).toBe('ibm_torino');
    expect(labelValueDisplayName(LABEL.model, 'ibm')).toBe('ibm');
  });
});
