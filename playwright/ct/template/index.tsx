import React from 'react';
import { beforeMount } from '@playwright/experimental-ct-react/hooks';
import { HarnessProviders } from '../runtime/HarnessProviders';
import { type HarnessHooksConfig, installStaticRuntime, installTestRuntime } from '../runtime/installGrafanaRuntime';

installStaticRuntime();

beforeMount<HarnessHooksConfig>(async ({ App, hooksConfig }) => {
  installTestRuntime(hooksConfig);
  return (
    <HarnessProviders>
      <App />
    </HarnessProviders>
  );
});
