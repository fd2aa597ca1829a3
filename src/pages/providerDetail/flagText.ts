import { t } from '../../i18n';
import type { QubitFlags } from './flags';
import { quantityInPhrase } from './quantityLabels';

/**
 * Why a qubit is called out, in the words of the "Called out" list; the qubit map reads the same words in the
 * qubit's accessible name, so a screen reader hears what the outline shows.
 */
export function qubitFlagText(f: QubitFlags): string {
  return [
    ...f.drifted.map((d) =>
      t('provider-detail.flags.drifted', '{{metric}} drifted to {{ratio}}× its 7-day median', {
        metric: quantityInPhrase(d.metric),
        ratio: d.ratio.toFixed(2),
      })
    ),
    ...(f.uncalibrated.length > 0
      ? [
          t('provider-detail.flags.qubit-uncalibrated', '{{metrics}} reported uncalibrated', {
            metrics: f.uncalibrated.map(quantityInPhrase).join(', '),
          }),
        ]
      : []),
    ...(f.missing.length > 0
      ? [
          t('provider-detail.flags.missing', 'no {{metrics}}', {
            metrics: f.missing.map(quantityInPhrase).join(', '),
          }),
        ]
      : []),
  ].join('; ');
}
