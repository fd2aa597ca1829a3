import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const ROW_HEIGHT = 24;

/** The parts every waterfall row shares (span, unattributed-time and quantum-job rows): one look for all. */
export const getRowStyles = (theme: GrafanaTheme2) => ({
  row: css({
    position: 'absolute',
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  selected: css({ background: theme.colors.action.selected }),
  match: css({ background: theme.colors.warning.transparent }),
  label: css({
    width: '34%',
    minWidth: 0,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  }),
  name: css({ overflow: 'hidden', textOverflow: 'ellipsis' }),
  service: css({ color: theme.colors.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis' }),
  errorIcon: css({ color: theme.colors.error.text, flexShrink: 0 }),
  criticalMark: css({
    width: 4,
    height: ROW_HEIGHT - 8,
    background: theme.colors.warning.main,
    borderRadius: 2,
    flexShrink: 0,
  }),
  track: css({ position: 'relative', flex: 1, height: '100%', minWidth: 0 }),
  criticalBar: css({ boxShadow: `0 3px 0 0 ${theme.colors.warning.main}` }),
  errorBar: css({ outline: `2px solid ${theme.colors.error.main}`, outlineOffset: 0 }),
  duration: css({
    position: 'absolute',
    top: 4,
    marginLeft: theme.spacing(0.5),
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
  }),
});
