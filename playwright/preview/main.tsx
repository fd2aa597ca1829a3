import React from 'react';
import { createRoot } from 'react-dom/client';
import { APP_BASE_PATH, buildAppUrl } from '@hybridlens/conventions';
import { AppHarness } from '../ct/runtime/AppHarness';
import { HarnessProviders } from '../ct/runtime/HarnessProviders';
import { installStaticRuntime, installTestRuntime } from '../ct/runtime/installGrafanaRuntime';
import { PreviewBanner } from './PreviewBanner';
import type { PreviewPageConfig } from './previewConfig';

declare const __HL_PREVIEW_CONFIG__: PreviewPageConfig;

const config = __HL_PREVIEW_CONFIG__;
installStaticRuntime();
installTestRuntime(config);

// Anything outside the app (e.g. "/") opens the Overview; app URLs open where they point.
const url = window.location.pathname.startsWith(APP_BASE_PATH) ? undefined : buildAppUrl({ page: 'overview' });

createRoot(document.getElementById('root')!).render(
  <HarnessProviders>
    <PreviewBanner prometheusUrl={config.prometheusUrl} />
    <AppHarness url={url} />
  </HarnessProviders>
);
