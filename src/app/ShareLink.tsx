import React, { useState } from 'react';
import { locationService } from '@grafana/runtime';
import { SceneObjectBase, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { ToolbarButton } from '@grafana/ui';
import { buildAppUrl, parseAppUrl } from '@hybridlens/conventions';
import { t } from '../i18n';
import { testIds } from '../ui/testIds';

interface ShareLinkState extends SceneObjectState {
  /** Configured Grafana root URL; empty → the browser's origin. */
  baseUrl: string;
}

/** The page's current URL (state included) as an absolute link to paste into chat or a ticket. */
export function shareableUrl(pathAndSearch: string, baseUrl: string, origin: string): string {
  const parsed = parseAppUrl(pathAndSearch);
  if (!parsed) {
    return `${baseUrl || origin}${pathAndSearch}`;
  }
  return buildAppUrl(parsed, { baseUrl: baseUrl || origin });
}

export class ShareLink extends SceneObjectBase<ShareLinkState> {
  static Component = ShareLinkRenderer;
}

function ShareLinkRenderer({ model }: SceneComponentProps<ShareLink>) {
  const { baseUrl } = model.useState();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const location = locationService.getLocation();
    await navigator.clipboard?.writeText(
      shareableUrl(`${location.pathname}${location.search}`, baseUrl, window.location.origin)
    );
    setCopied(true);
  };
  return (
    <ToolbarButton
      data-testid={testIds.shareLink}
      icon={copied ? 'check' : 'share-alt'}
      tooltip={t('share-link.tooltip', 'Copy a link to this page as it is now')}
      onClick={copy}
    >
      {copied ? t('share-link.copied', 'Copied') : t('share-link.copy', 'Copy link')}
    </ToolbarButton>
  );
}
