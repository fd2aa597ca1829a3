import React, { useEffect, useMemo, useState } from 'react';
import type { PageId } from '@hybridlens/conventions';
import { AppShell } from '../../../src/app/App';
import type { AppContext } from '../../../src/app/AppContext';
import { buildSceneApp } from '../../../src/app/buildSceneApp';
import { initTranslations } from '../../../src/i18n/initTranslations';
import { resolveSettings } from '../../../src/settings/settings';
import { withBrokenPage } from './brokenPage';

export interface AppWithBrokenPageProps {
  jsonData: Record<string, unknown>;
  page: PageId;
  message: string;
}

/**
 * The app below its entry (module.js), with one page whose rendering throws: what the app shows when a
 * page's code fails. The entry's lazy loading is not part of this fault, so translations are set up here.
 */
export default function AppWithBrokenPage({ jsonData, page, message }: AppWithBrokenPageProps) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void initTranslations().then(() => setReady(true));
  }, []);
  const ctx = useMemo(() => resolveSettings(jsonData), [jsonData]);
  const build = useMemo(
    () => (appCtx: AppContext) => withBrokenPage(buildSceneApp(appCtx), page, message),
    [page, message]
  );
  return ready ? <AppShell ctx={ctx} buildScene={build} /> : null;
}
