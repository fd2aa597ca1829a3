import React from 'react';
import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import type { DroppedValues as Dropped } from './snapshot';

function reasonText(reason: string): string {
  switch (reason) {
    case CALIBRATION_INGEST_REASON.outOfRange:
      return t('provider-detail.dropped.out-of-range', 'outside its valid range');
    case CALIBRATION_INGEST_REASON.duplicate:
      return t('provider-detail.dropped.duplicate', 'listed twice');
    case CALIBRATION_INGEST_REASON.missingTarget:
      return t('provider-detail.dropped.missing-target', 'without a target qubit');
    default:
      return reason;
  }
}

/**
 * Values the exporter refused from this backend's snapshots over the range. A value dropped as impossible is drawn
 * as missing on the map; this says why it is missing, so a reader does not take it for a gap in the provider's data.
 */
export function DroppedValues({ dropped }: { dropped: readonly Dropped[] }) {
  if (dropped.length === 0) {
    return null;
  }
  return (
    <p data-testid={testIds.providerDetail.droppedValues}>
      {t(
        'provider-detail.dropped.summary',
        'The exporter dropped values from this backend over the range, so they show as missing: {{list}}.',
        {
          list: dropped
            .map((d) =>
              t('provider-detail.dropped.item', '{{field}} {{reason}} ({{count}})', {
                field: d.field,
                reason: reasonText(d.reason),
                count: Math.round(d.count),
              })
            )
            .join('; '),
        }
      )}
    </p>
  );
}
