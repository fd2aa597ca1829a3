import type { QubitMapMetric } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { formatQuantity } from './calibrationFormat';
import type { QubitView } from './snapshot';

/** Whether a qubit's value is measured, missing, or reported with the provider's uncalibrated sentinel. */
export type QubitValueState = 'measured' | 'missing' | 'uncalibrated';

export function qubitValueState(q: Pick<QubitView, 'values' | 'uncalibrated'>, m: QubitMapMetric): QubitValueState {
  if (q.values[m] !== undefined) {
    return 'measured';
  }
  return (q.uncalibrated ?? []).includes(m) ? 'uncalibrated' : 'missing';
}

/** The value as tables show it: "uncalibrated" for a sentinel, never the sentinel as a (bad) value. */
export function qubitValueText(q: Pick<QubitView, 'values' | 'uncalibrated'>, m: QubitMapMetric): string {
  return qubitValueState(q, m) === 'uncalibrated'
    ? t('provider-detail.map.uncalibrated', 'uncalibrated')
    : formatQuantity(m, q.values[m]);
}
