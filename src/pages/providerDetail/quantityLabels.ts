import {
  CALIBRATION_LAYOUT,
  CALIBRATION_METHOD,
  CALIBRATION_QUANTITY,
  type CalibrationQuantity,
} from '@hybridlens/conventions';
import { t } from '../../i18n';

/** A calibration quantity as people write it (T1 and T2 are names: never the label value "t1"). */
export function quantityLabel(quantity: CalibrationQuantity): string {
  switch (quantity) {
    case CALIBRATION_QUANTITY.t1:
      return t('provider-detail.metric.t1', 'T1');
    case CALIBRATION_QUANTITY.t2:
      return t('provider-detail.metric.t2', 'T2');
    case CALIBRATION_QUANTITY.readoutError:
      return t('provider-detail.metric.readout', 'Readout error');
    case CALIBRATION_QUANTITY.oneQubitError:
      return t('provider-detail.metric.1q', '1q error');
    case CALIBRATION_QUANTITY.twoQubitError:
      return t('provider-detail.metric.2q', '2q error');
  }
}

/** The quantity inside a phrase ("Median readout error", "no T2"): names keep their capitals, words do not. */
export function quantityInPhrase(quantity: CalibrationQuantity): string {
  return quantity === CALIBRATION_QUANTITY.readoutError
    ? t('provider-detail.metric-in-phrase.readout', 'readout error')
    : quantityLabel(quantity);
}

/** `quantityLabel` for a label value read from Prometheus; one outside the contract's set is shown as it came. */
export function quantityLabelOf(raw: string): string {
  const known = Object.values(CALIBRATION_QUANTITY).find((q) => q === raw);
  return known ? quantityInPhrase(known) : raw;
}

/** A measurement method (the `method` label) as the providers name it; an unknown value is shown as it came. */
export function methodLabel(raw: string): string {
  switch (raw) {
    case CALIBRATION_METHOD.rb:
      return t('provider-detail.method.rb', 'RB');
    case CALIBRATION_METHOD.simultaneousRb:
      return t('provider-detail.method.simultaneous-rb', 'simultaneous RB');
    case CALIBRATION_METHOD.interleavedRb:
      return t('provider-detail.method.interleaved-rb', 'interleaved RB');
    case CALIBRATION_METHOD.simultaneousInterleavedRb:
      return t('provider-detail.method.simultaneous-interleaved-rb', 'simultaneous interleaved RB');
    case CALIBRATION_METHOD.xeb:
      return t('provider-detail.method.xeb', 'XEB');
    case CALIBRATION_METHOD.parallelXeb:
      return t('provider-detail.method.parallel-xeb', 'parallel XEB');
    default:
      return raw;
  }
}

/** "1q error: RB (27 values); 2q error: XEB": how each gate error was measured. */
export function methodsText(methods: ReadonlyArray<{ quantity: string; method: string; values?: number }>): string {
  return methods
    .map((m) =>
      m.values === undefined
        ? `${quantityLabelOf(m.quantity)}: ${methodLabel(m.method)}`
        : t('provider-detail.method.with-count', '{{quantity}}: {{method}} ({{values}} values)', {
            quantity: quantityLabelOf(m.quantity),
            method: methodLabel(m.method),
            values: m.values,
          })
    )
    .join('; ');
}

/** The qubit map's layout kind (the `layout` label) in words; an unknown value is shown as it came. */
export function layoutLabel(raw: string | undefined): string {
  switch (raw) {
    case undefined:
      return '—';
    case CALIBRATION_LAYOUT.heavyHex:
      return t('provider-detail.layout.heavy-hex', 'heavy-hex');
    case CALIBRATION_LAYOUT.squareLattice:
      return t('provider-detail.layout.square-lattice', 'square lattice');
    case CALIBRATION_LAYOUT.tree:
      return t('provider-detail.layout.tree', 'tree');
    case CALIBRATION_LAYOUT.grid:
      return t('provider-detail.layout.grid', 'grid');
    case CALIBRATION_LAYOUT.allToAll:
      return t('provider-detail.layout.all-to-all', 'all-to-all');
    case CALIBRATION_LAYOUT.computed:
      return t('provider-detail.layout.computed', 'computed from the coupling map');
    case CALIBRATION_LAYOUT.list:
      return t('provider-detail.layout.list', 'list (no coupling map)');
    default:
      return raw;
  }
}
