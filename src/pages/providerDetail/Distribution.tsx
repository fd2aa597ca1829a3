import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import type { CalibrationQuantity } from '@hybridlens/conventions';
import { useStyles2 } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatQuantity } from './calibrationFormat';
import { median } from './colourScale';
import { histogram } from './distribution';

const BAR_AREA_PX = 64;

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ marginTop: theme.spacing(2) }),
  title: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  bars: css({ display: 'flex', alignItems: 'flex-end', gap: 2, height: BAR_AREA_PX, marginTop: theme.spacing(0.5) }),
  bar: css({ flex: '1 1 0', background: theme.colors.primary.main, minHeight: 1 }),
  axis: css({
    display: 'flex',
    justifyContent: 'space-between',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
});

/**
 * How the values of one quantity spread over the device's qubits or couplers (IBM's and Cirq's views show the
 * map only). Missing values are counted apart, never as 0; each bar says its range and count on hover.
 */
export function Distribution({
  title,
  quantity,
  values,
}: {
  title: string;
  quantity: CalibrationQuantity;
  values: ReadonlyArray<number | undefined>;
}) {
  const styles = useStyles2(getStyles);
  const bins = histogram(values);
  const measured = bins.reduce((n, b) => n + b.count, 0);
  const tallest = Math.max(1, ...bins.map((b) => b.count));
  const mid = median(values.filter((v): v is number => v !== undefined));
  return (
    <div
      className={styles.box}
      data-testid={testIds.providerDetail.distribution}
      data-quantity={quantity}
      data-measured={measured}
      data-missing={values.length - measured}
    >
      <div className={styles.title}>
        {title}
        {': '}
        {t('provider-detail.distribution.summary', '{{measured}} measured, {{missing}} missing, median {{median}}', {
          measured,
          missing: values.length - measured,
          median: formatQuantity(quantity, mid),
        })}
      </div>
      {bins.length > 0 && (
        <>
          <div className={styles.bars}>
            {bins.map((b) => (
              <div
                key={b.from}
                className={styles.bar}
                style={{ height: `${(b.count / tallest) * 100}%` }}
                title={t('provider-detail.distribution.bar', '{{from}} to {{to}}: {{count}}', {
                  from: formatQuantity(quantity, b.from),
                  to: formatQuantity(quantity, b.to),
                  count: b.count,
                })}
              />
            ))}
          </div>
          <div className={styles.axis}>
            <span>{formatQuantity(quantity, bins[0]!.from)}</span>
            <span>{formatQuantity(quantity, bins[bins.length - 1]!.to)}</span>
          </div>
        </>
      )}
    </div>
  );
}
