import React, { Component, type ReactNode } from 'react';
import { Alert, Button } from '@grafana/ui';
import { t } from '../i18n/entryText';
import { LOAD_ERROR_TEST_IDS } from './loadErrorTestIds';

interface State {
  error?: Error;
}

/**
 * Around the lazily loaded app and configuration page: when their code cannot be loaded (typically a
 * chunk that no longer exists because the plugin was upgraded while this tab stayed open), say so and
 * offer a reload, instead of an empty page. Render errors inside the app are caught closer to the page.
 */
export class LoadErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) {
      return this.props.children;
    }
    return (
      <div data-testid={LOAD_ERROR_TEST_IDS.container}>
        <Alert severity="error" title={t('entry.load-error.title', 'Hybrid Lens could not load')}>
          <p>
            {t(
              'entry.load-error.explanation',
              'Part of the app could not be downloaded. This usually means Hybrid Lens was updated since this page was opened; reloading loads the new version.'
            )}
          </p>
          <p data-testid={LOAD_ERROR_TEST_IDS.detail}>{error.message}</p>
          <Button data-testid={LOAD_ERROR_TEST_IDS.reload} icon="sync" onClick={() => window.location.reload()}>
            {t('entry.load-error.reload', 'Reload')}
          </Button>
        </Alert>
      </div>
    );
  }
}
