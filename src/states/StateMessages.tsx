import React, { type ReactNode } from 'react';
import { Alert, LoadingPlaceholder, Stack, TextLink } from '@grafana/ui';
import { Trans, t } from '../i18n';
import { CONFIG_PAGE_PATH } from '../app/routing';
import { testIds } from '../ui/testIds';

/** Data is on its way: says what is being read. */
export function LoadingMessage({ text }: { text: string }) {
  return (
    <div data-testid={testIds.states.loading}>
      <LoadingPlaceholder text={text} />
    </div>
  );
}

/** The default way out of a failed query: the datasource picker and the configuration page's Test. */
export function DatasourceFix() {
  return (
    <Trans i18nKey="states.error.fix-datasource">
      Check that the Prometheus datasource picked above is reachable: the{' '}
      <TextLink href={CONFIG_PAGE_PATH} inline>
        configuration page
      </TextLink>{' '}
      has a Test button that says what is missing.
    </Trans>
  );
}

/** A query failed: what could not be read, what Prometheus said, and what to do about it. */
export function ErrorMessage({ title, messages, fix }: { title: string; messages: string[]; fix?: ReactNode }) {
  return (
    <div data-testid={testIds.states.error}>
      <Alert severity="error" title={title}>
        <Stack direction="column" gap={1}>
          {messages.length > 0 && (
            <div data-testid={testIds.states.errorDetail}>
              {messages.map((message, i) => (
                <div key={i}>{message}</div>
              ))}
            </div>
          )}
          <div>{fix ?? <DatasourceFix />}</div>
        </Stack>
      </Alert>
    </div>
  );
}

/** The query worked and found nothing: says so, and what would make it find something. */
export function EmptyMessage({
  title,
  children,
  severity = 'info',
}: {
  title: string;
  children?: ReactNode;
  /** `warning` when the emptiness is something to fix (rules never loaded), not just a quiet period. */
  severity?: 'info' | 'warning';
}) {
  return (
    <div data-testid={testIds.states.empty}>
      <Alert severity={severity} title={title}>
        {children ?? t('states.empty.default', 'Prometheus returned no series for this time range.')}
      </Alert>
    </div>
  );
}
