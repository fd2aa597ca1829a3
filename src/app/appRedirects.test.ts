import { APP_BASE_PATH, LEGACY_ROUTES, PAGE, buildAppUrl, parseAppUrl } from '@hybridlens/conventions';
import { decideAppRoute } from './appRedirects';

describe('decideAppRoute', () => {
  it('rewrites every legacy route to its current route, keeping path and query parameters', () => {
    const cases: Array<[string, string]> = [
      [
        `${APP_BASE_PATH}/home?from=now-1h&to=now&var-prometheus=p2`,
        `${APP_BASE_PATH}/overview?from=now-1h&to=now&var-prometheus=p2`,
      ],
      [
        `${APP_BASE_PATH}/slo/e2e-latency?from=1700000000000&to=1700003600000&alertname=HybridSLOBurnRate`,
        `${APP_BASE_PATH}/slos/e2e-latency?from=1700000000000&to=1700003600000&alertname=HybridSLOBurnRate`,
      ],
      [
        `${APP_BASE_PATH}/provider/ibm/ibm_sherbrooke?var-provider=ibm`,
        `${APP_BASE_PATH}/providers/ibm/ibm_sherbrooke?var-provider=ibm`,
      ],
      [`${APP_BASE_PATH}/runbooks/queue-saturation`, `${APP_BASE_PATH}/playbooks/queue-saturation`],
    ];
    expect(cases).toHaveLength(LEGACY_ROUTES.length);
    for (const [from, to] of cases) {
      const url = new URL(from, 'http://g.invalid');
      expect(decideAppRoute(url.pathname, url.search)).toEqual({ kind: 'redirect', to });
    }
  });

  it('sends the app root to the Overview with its parameters', () => {
    expect(decideAppRoute(APP_BASE_PATH, '?from=now-2d&to=now')).toEqual({
      kind: 'redirect',
      to: `${APP_BASE_PATH}/overview?from=now-2d&to=now`,
    });
    expect(decideAppRoute(`${APP_BASE_PATH}/`, '')).toEqual({ kind: 'redirect', to: `${APP_BASE_PATH}/overview` });
  });

  it('renders every current route, including the id-only sections, and reports unknown ones', () => {
    for (const page of Object.keys(PAGE) as Array<keyof typeof PAGE>) {
      const params = { provider: 'ibm', backend: 'b', slo: 's', playbook: 'latency', traceId: 'abc', jobId: 'j1' };
      const url = buildAppUrl({ page, params });
      expect(parseAppUrl(url)?.page).toBe(page);
      expect(decideAppRoute(url, '')).toEqual({ kind: 'render' });
    }
    expect(decideAppRoute(`${APP_BASE_PATH}/traces`, '')).toEqual({ kind: 'render' });
    expect(decideAppRoute(`${APP_BASE_PATH}/nope`, '')).toEqual({ kind: 'notFound' });
  });
});
