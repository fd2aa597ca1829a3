import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, NavModelItem } from '@grafana/data';
import type { PluginPageProps, PluginPageType } from '@grafana/runtime';
import { Stack, Tab, TabsBar, Text, useStyles2 } from '@grafana/ui';
import { harnessTestIds } from './harnessTestIds';

function breadcrumbTrail(item: NavModelItem | undefined): NavModelItem[] {
  const trail: NavModelItem[] = [];
  for (let at = item; at; at = at.parentItem) {
    if (!at.hideFromBreadcrumbs) {
      trail.unshift(at);
    }
  }
  return trail;
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    padding: theme.spacing(2, 3),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    minHeight: '100%',
  }),
  crumbs: css({
    display: 'flex',
    gap: theme.spacing(1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});

/**
 * Grafana's page chrome (title, breadcrumbs, tabs, actions) in miniature. The real one lives in Grafana's
 * core and reaches plugins through @grafana/runtime's internal setPluginPage, which npm builds never call.
 */
const PluginPageStandIn: PluginPageType = ({ pageNav, subTitle, actions, renderTitle, children }: PluginPageProps) => {
  const styles = useStyles2(getStyles);
  const title = pageNav?.text ?? '';
  return (
    <div className={styles.page}>
      <nav className={styles.crumbs} data-testid={harnessTestIds.breadcrumbs}>
        {breadcrumbTrail(pageNav).map((item, i) => (
          <span key={`${item.text}-${i}`}>
            {i > 0 ? '› ' : ''}
            {item.url ? <a href={item.url}>{item.text}</a> : item.text}
          </span>
        ))}
      </nav>
      <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <div>
          {renderTitle ? renderTitle(title) : <h1 data-testid={harnessTestIds.pageTitle}>{title}</h1>}
          {subTitle && <Text color="secondary">{subTitle}</Text>}
        </div>
        {actions && (
          <Stack gap={1} wrap="wrap">
            {actions}
          </Stack>
        )}
      </Stack>
      {pageNav?.children && pageNav.children.length > 0 && (
        <TabsBar data-testid={harnessTestIds.tabs}>
          {pageNav.children.map((tab, i) => (
            <Tab key={`${tab.text}-${i}`} label={tab.text} href={tab.url} active={tab.active} />
          ))}
        </TabsBar>
      )}
      <div>{children}</div>
    </div>
  );
};

// The module this file replaces exports both names.
export let PluginPage: PluginPageType = PluginPageStandIn;
export function setPluginPage(component: PluginPageType): void {
  PluginPage = component;
}
