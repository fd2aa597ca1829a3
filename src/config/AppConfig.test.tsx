import '../testing/jsdomPolyfills';
import React from 'react';
import { of, throwError } from 'rxjs';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { type BackendSrv, locationService, setBackendSrv } from '@grafana/runtime';
import { APP_ID, DATASOURCE_UID } from '@hybridlens/conventions';
import { installSceneTestEnv } from '../testing/sceneTestEnv';
import { testIds, uiText } from '../ui';
import AppConfig from './AppConfig';

installSceneTestEnv();

interface Call {
  url: string;
  method?: string;
  data?: { jsonData?: Record<string, unknown> };
}

function fakeBackend(answer: (call: Call) => unknown): Call[] {
  const calls: Call[] = [];
  setBackendSrv({
    fetch: (options: Call) => {
      calls.push(options);
      const result = answer(options);
      return result instanceof Error
        ? throwError(() => ({ status: 404, data: { message: result.message } }))
        : of({ data: result, status: 200, ok: true });
    },
  } as unknown as BackendSrv);
  return calls;
}

function props(
  jsonData: Record<string, unknown> = {},
  secureJsonFields: Record<string, boolean> = {}
): PluginConfigPageProps<AppPluginMeta> {
  return {
    plugin: { meta: { id: APP_ID, enabled: true, pinned: true, jsonData, secureJsonFields } },
    query: {},
  } as unknown as PluginConfigPageProps<AppPluginMeta>;
}

describe('AppConfig', () => {
  beforeEach(() => jest.spyOn(locationService, 'reload').mockImplementation(() => {}));

  it('saves datasources, base URL and thresholds into jsonData, keeping unknown keys', async () => {
    const calls = fakeBackend(() => ({}));
    render(<AppConfig {...props({ keepMe: 1, thresholds: { latencySeconds: 3 } })} />);
    fireEvent.change(screen.getByTestId(testIds.appConfig.grafanaBaseUrl), {
      target: { value: 'https://grafana.example.com/' },
    });
    fireEvent.change(screen.getByTestId(testIds.appConfig.threshold('minEventsToJudge')), { target: { value: '250' } });
    fireEvent.click(screen.getByTestId(testIds.appConfig.save));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ url: `/api/plugins/${APP_ID}/settings`, method: 'POST' });
    expect(calls[0]!.data!.jsonData).toMatchObject({
      keepMe: 1,
      prometheusUid: DATASOURCE_UID.prometheus,
      tempoUid: DATASOURCE_UID.tempo,
      lokiUid: DATASOURCE_UID.loki,
      grafanaBaseUrl: 'https://grafana.example.com',
      thresholds: { latencySeconds: 3, minEventsToJudge: 250, hallucinationRate: 0.05 },
    });
  });

  it('refuses to save bad values and names the field', () => {
    const calls = fakeBackend(() => ({}));
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByTestId(testIds.appConfig.threshold('hallucinationRate')), { target: { value: '7' } });
    fireEvent.change(screen.getByTestId(testIds.appConfig.grafanaBaseUrl), { target: { value: 'grafana' } });
    const problems = screen.getByTestId(testIds.appConfig.problems).textContent ?? '';
    expect(problems).toContain(
      uiText('settings.problem.out-of-range', { field: 'thresholds.hallucinationRate', min: 0, max: 1, value: '7' })
    );
    expect(problems).toContain(uiText('settings.problem.not-a-url', { field: 'grafanaBaseUrl', value: 'grafana' }));
    // Rendered from the problem's data: no "using the default" wording leaks into the form.
    expect(problems).not.toContain(uiText('settings.problem.fallback', { fallback: '0.05' }));
    expect(screen.getByTestId(testIds.appConfig.save)).toBeDisabled();
    fireEvent.click(screen.getByTestId(testIds.appConfig.save));
    expect(calls).toHaveLength(0);
  });

  it('"Test" checks the three datasources and shows each finding', async () => {
    fakeBackend((call) =>
      call.url.startsWith('/api/datasources/uid/')
        ? call.url.endsWith(DATASOURCE_UID.loki)
          ? new Error('Data source not found')
          : {}
        : { data: [], tagValues: [] }
    );
    render(<AppConfig {...props()} />);
    fireEvent.click(screen.getByTestId(testIds.appConfig.test));
    const checks = await screen.findAllByTestId(testIds.appConfig.testCheck);
    expect(checks.map((c) => c.textContent)).toEqual([
      expect.stringMatching(
        /Prometheus \(hybridlens-prometheus\): reachable, data missing.*Missing \d+ service metric/
      ),
      expect.stringMatching(/Tempo \(hybridlens-tempo\): reachable, data missing.*Missing spans: ingress.request/),
      expect.stringMatching(
        /Loki \(hybridlens-loki\): not usable.*No Loki datasource with uid "hybridlens-loki" \(HTTP 404 Data source not found\)/
      ),
    ]);
  });

  describe('admin API settings', () => {
    // A loaded machine renders @grafana/ui forms slowly; the assertions wait for conditions, not for time.
    jest.setTimeout(30_000);

    const TOKEN = 'a-token-of-24-characters';

    it('posts the URL in jsonData and a typed token in secureJsonData only', async () => {
      const calls = fakeBackend(() => ({}));
      render(<AppConfig {...props({ keepMe: 1 })} />);
      fireEvent.change(screen.getByTestId(testIds.appConfig.adminApiUrl), {
        target: { value: 'http://orchestrator:9464/' },
      });
      fireEvent.change(screen.getByTestId(testIds.appConfig.adminApiToken), { target: { value: ` ${TOKEN} ` } });
      fireEvent.click(screen.getByTestId(testIds.appConfig.save));
      // Waits for the post, however slow a loaded machine renders.
      await waitFor(() => expect(calls).toHaveLength(1), { timeout: 15_000 });
      const posted = calls[0]!.data as { jsonData: Record<string, unknown>; secureJsonData?: Record<string, string> };
      expect(posted.jsonData).toMatchObject({ keepMe: 1, adminApiUrl: 'http://orchestrator:9464' });
      expect(posted.secureJsonData).toEqual({ adminApiToken: TOKEN });
      // The token goes to secure storage only, never into jsonData.
      expect(JSON.stringify(posted.jsonData)).not.toContain(TOKEN);
    });

    it('a stored token shows as configured, is never echoed, and is kept when the form is saved untouched', async () => {
      const calls = fakeBackend(() => ({}));
      render(<AppConfig {...props({ adminApiUrl: 'http://orchestrator:9464' }, { adminApiToken: true })} />);
      const input = screen.getByTestId(testIds.appConfig.adminApiToken) as HTMLInputElement;
      expect(input.value).toBe('configured');
      expect(input).toBeDisabled();
      fireEvent.click(screen.getByTestId(testIds.appConfig.save));
      await waitFor(() => expect(calls).toHaveLength(1), { timeout: 15_000 });
      expect(calls[0]!.data).not.toHaveProperty('secureJsonData');
    });

    it('Reset clears the stored token when saved', async () => {
      const calls = fakeBackend(() => ({}));
      render(<AppConfig {...props({ adminApiUrl: 'http://orchestrator:9464' }, { adminApiToken: true })} />);
      fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
      expect((screen.getByTestId(testIds.appConfig.adminApiToken) as HTMLInputElement).value).toBe('');
      fireEvent.click(screen.getByTestId(testIds.appConfig.save));
      await waitFor(() => expect(calls).toHaveLength(1), { timeout: 15_000 });
      expect(calls[0]!.data).toMatchObject({ secureJsonData: { adminApiToken: '' } });
    });

    it('refuses a URL that is not http(s) and a short token, naming each field', () => {
      const calls = fakeBackend(() => ({}));
      render(<AppConfig {...props()} />);
      fireEvent.change(screen.getByTestId(testIds.appConfig.adminApiUrl), { target: { value: 'ftp://orchestrator' } });
      fireEvent.change(screen.getByTestId(testIds.appConfig.adminApiToken), { target: { value: 'short' } });
      expect(screen.getByTestId(testIds.appConfig.problems).textContent).toContain(
        uiText('settings.problem.not-http', { field: 'adminApiUrl', value: 'ftp://orchestrator' })
      );
      expect(screen.getByText(uiText('config.admin.token-too-short', { min: 16 }))).toBeInTheDocument();
      expect(screen.getByTestId(testIds.appConfig.save)).toBeDisabled();
      fireEvent.change(screen.getByTestId(testIds.appConfig.adminApiUrl), { target: { value: 'not a url' } });
      expect(screen.getByTestId(testIds.appConfig.problems).textContent).toContain(
        uiText('settings.problem.not-a-url', { field: 'adminApiUrl', value: 'not a url' })
      );
      fireEvent.click(screen.getByTestId(testIds.appConfig.save));
      expect(calls).toHaveLength(0);
    });
  });
});
