import React, { type ReactNode } from 'react';
import { config, LocationServiceProvider, locationService } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';

/** What Grafana's app root wraps every page in: the theme, its global CSS and the location service. */
export function HarnessProviders({ children }: { children: ReactNode }) {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <LocationServiceProvider service={locationService}>{children}</LocationServiceProvider>
    </ThemeContext.Provider>
  );
}
