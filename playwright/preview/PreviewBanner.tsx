import React from 'react';
import { css } from '@emotion/css';
import { useStyles2 } from '@grafana/ui';
import type { GrafanaTheme2 } from '@grafana/data';
import { PREVIEW_BANNER_TEST_ID } from './previewConfig';

const getStyles = (theme: GrafanaTheme2) => ({
  banner: css({
    padding: theme.spacing(0.5, 2),
    background: theme.colors.warning.transparent,
    color: theme.colors.warning.text,
    borderBottom: `1px solid ${theme.colors.warning.border}`,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});

/** Says plainly that this is not Grafana: the pages run in the page harness' stand-ins. */
export function PreviewBanner({ prometheusUrl }: { prometheusUrl: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.banner} data-testid={PREVIEW_BANNER_TEST_ID}>
      Hybrid Lens preview — not Grafana: the app&apos;s pages in the page harness&apos; stand-in Grafana, fed by the
      Prometheus at {prometheusUrl}. Stop it with Ctrl-C.
    </div>
  );
}
