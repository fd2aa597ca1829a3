import { LABEL, QUANTUM_PROVIDER, QUANTUM_PROVIDER_NAME } from '@hybridlens/conventions';
import { t } from '../i18n';

type ProviderId = (typeof QUANTUM_PROVIDER)[keyof typeof QUANTUM_PROVIDER];

/**
 * Each provider id of the contract as the provider names its service, translated; the English names are the
 * contract's (`QUANTUM_PROVIDER_NAME`, which the bundled dashboards show too). A Record over the ids, so a provider
 * added to the contract fails type-checking here until it has a name.
 */
function providerNames(): Record<ProviderId, string> {
  return {
    [QUANTUM_PROVIDER.ibm]: t('providers.name.ibm', QUANTUM_PROVIDER_NAME[QUANTUM_PROVIDER.ibm]),
    [QUANTUM_PROVIDER.braket]: t('providers.name.braket', QUANTUM_PROVIDER_NAME[QUANTUM_PROVIDER.braket]),
    [QUANTUM_PROVIDER.azure]: t('providers.name.azure', QUANTUM_PROVIDER_NAME[QUANTUM_PROVIDER.azure]),
    [QUANTUM_PROVIDER.google]: t('providers.name.google', QUANTUM_PROVIDER_NAME[QUANTUM_PROVIDER.google]),
    [QUANTUM_PROVIDER.local]: t('providers.name.local', QUANTUM_PROVIDER_NAME[QUANTUM_PROVIDER.local]),
  };
}

const isProviderId = (id: string): id is ProviderId => Object.values<string>(QUANTUM_PROVIDER).includes(id);

/** A provider label value as people read it; an id outside the contract is shown as it came (never hidden). */
export function providerDisplayName(id: string): string {
  return isProviderId(id) ? providerNames()[id] : id;
}

/** One backend as every table, heading and legend names it: "IBM Quantum / ibm_sherbrooke". */
export function backendDisplayName(provider: string, backend: string): string {
  return `${providerDisplayName(provider)} / ${backend}`;
}

/**
 * Hardware makers as they name themselves. The `vendor` label is whatever the provider's calibration data says
 * (Braket and Azure name the maker behind each device), so this list is not closed: any other id shows as it came.
 */
function vendorNames(): ReadonlyMap<string, string> {
  return new Map([
    ['ibm', t('providers.vendor.ibm', 'IBM')],
    ['google', t('providers.vendor.google', 'Google')],
    ['iqm', t('providers.vendor.iqm', 'IQM')],
    ['rigetti', t('providers.vendor.rigetti', 'Rigetti')],
    ['ionq', t('providers.vendor.ionq', 'IonQ')],
    ['quantinuum', t('providers.vendor.quantinuum', 'Quantinuum')],
    ['pasqal', t('providers.vendor.pasqal', 'Pasqal')],
    ['quera', t('providers.vendor.quera', 'QuEra')],
  ]);
}

/** A `vendor` label value (the maker of a device) as people read it; an unknown id is shown as it came. */
export function vendorDisplayName(id: string): string {
  return vendorNames().get(id) ?? id;
}

/** A label value as a page shows it to people: provider and vendor ids by name, every other value as it is. */
export function labelValueDisplayName(label: string, value: string): string {
  switch (label) {
    case LABEL.provider:
      return providerDisplayName(value);
    case LABEL.vendor:
      return vendorDisplayName(value);
    default:
      return value;
  }
}
