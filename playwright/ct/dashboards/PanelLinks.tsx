import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import type { DashboardLink } from '@grafana/schema';
import { type SceneComponentProps, SceneObjectBase, type SceneObjectState, sceneGraph } from '@grafana/scenes';
import { Icon, useStyles2 } from '@grafana/ui';
import { dashboardTestIds } from './dashboardTestIds';

interface PanelLinksState extends SceneObjectState {
  links: DashboardLink[];
}

/**
 * A panel's links in its header, their URLs interpolated in the scene (time range, variables) as Grafana's
 * panel link menu does. Drawn as icons rather than a menu so the harness can read every href without clicks.
 */
export class PanelLinks extends SceneObjectBase<PanelLinksState> {
  static Component = PanelLinksRenderer;
}

function PanelLinksRenderer({ model }: SceneComponentProps<PanelLinks>) {
  const { links } = model.useState();
  // Re-render when the time range changes: the URLs carry it.
  sceneGraph.getTimeRange(model).useState();
  const styles = useStyles2(getStyles);
  return (
    <>
      {links.map((link, i) => (
        <a
          key={`${link.title}-${i}`}
          className={styles.link}
          href={sceneGraph.interpolate(model, link.url ?? '')}
          title={link.title}
          aria-label={link.title}
          data-testid={dashboardTestIds.panelLink}
          target={link.targetBlank ? '_blank' : undefined}
          rel={link.targetBlank ? 'noreferrer' : undefined}
        >
          <Icon name="external-link-alt" />
        </a>
      ))}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  link: css({
    color: theme.colors.text.secondary,
    padding: theme.spacing(0, 0.5),
    '&:hover, &:focus-visible': { color: theme.colors.text.link },
  }),
});
