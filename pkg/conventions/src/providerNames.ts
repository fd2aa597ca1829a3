import { QUANTUM_PROVIDER } from './labels';

type QuantumProviderId = (typeof QUANTUM_PROVIDER)[keyof typeof QUANTUM_PROVIDER];

/**
 * Each provider id of the contract in English, as the provider names its service. The one list both the app (as
 * the i18n defaults of its `providers.name.*` keys) and the bundled dashboards (value mappings and display-name
 * overrides) show instead of the raw `provider` label value. A Record over the ids, so a provider added to the
 * contract fails type-checking here until it has a name.
 */
export const QUANTUM_PROVIDER_NAME: Readonly<Record<QuantumProviderId, string>> = {
  [QUANTUM_PROVIDER.ibm]: 'IBM Quantum',
  [QUANTUM_PROVIDER.braket]: 'Amazon Braket',
  [QUANTUM_PROVIDER.azure]: 'Azure Quantum',
  [QUANTUM_PROVIDER.google]: 'Google Quantum AI',
  [QUANTUM_PROVIDER.local]: 'Local simulator',
};
