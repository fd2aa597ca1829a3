import React, { Component, type ReactNode } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, Stack } from '@grafana/ui';
import { buildAppUrl } from '@hybridlens/conventions';
import { t } from '../i18n';
import { testIds } from '../ui/testIds';

interface Props {
  /** The page's path: a new path (the user navigated) clears the error. */
  path: string;
  children: ReactNode;
}

interface State {
  error?: Error;
  /** The path the error happened on. */
  failedPath?: string;
}

/**
 * Around every page of the app: a page that throws while rendering shows what failed and the ways out
 * (back to the Overview, try again), never a blank app. React logs the error with its component stack.
 */
export class PageErrorBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error && state.failedPath === undefined) {
      return { failedPath: props.path };
    }
    if (state.error && state.failedPath !== props.path) {
      return { error: undefined, failedPath: undefined };
    }
    return null;
  }

  retry = () => this.setState({ error: undefined, failedPath: undefined });

  render() {
    const { error } = this.state;
    if (!error) {
      return this.props.children;
    }
    return (
      <PluginPage pageNav={{ text: t('page-error.nav', 'Page error') }}>
        <div data-testid={testIds.pageError.container}>
          <Alert severity="error" title={t('page-error.title', 'This page could not be shown')}>
            <Stack direction="column" gap={2}>
              <div data-testid={testIds.pageError.detail}>
                {t('page-error.detail', '{{path}} failed while rendering: {{message}}', {
                  path: this.props.path,
                  message: error.message || error.name,
                })}
              </div>
              <div>
                {t(
                  'page-error.hint',
                  'The rest of the app still works. The browser console has the details for a bug report.'
                )}
              </div>
              <Stack gap={1}>
                <LinkButton
                  data-testid={testIds.pageError.back}
                  href={buildAppUrl({ page: 'overview' })}
                  icon="arrow-left"
                  variant="secondary"
                >
                  {t('page-error.back', 'Back to the Overview')}
                </LinkButton>
                <Button data-testid={testIds.pageError.retry} icon="sync" variant="secondary" onClick={this.retry}>
                  {t('page-error.retry', 'Try again')}
                </Button>
              </Stack>
            </Stack>
          </Alert>
        </div>
      </PluginPage>
    );
  }
}
