import '../testing/jsdomPolyfills';
import { APP_BASE_PATH } from '@hybridlens/conventions';
import { shareableUrl } from './ShareLink';

describe('shareableUrl', () => {
  it('uses the configured Grafana base URL and keeps the page state', () => {
    expect(
      shareableUrl(
        `${APP_BASE_PATH}/slos/latency?from=now-1h&to=now&var-prometheus=p2`,
        'https://grafana.example.com/sub',
        'http://localhost:3000'
      )
    ).toBe(`https://grafana.example.com/sub${APP_BASE_PATH}/slos/latency?from=now-1h&to=now&var-prometheus=p2`);
  });

  it('falls back to the browser origin, and rewrites legacy routes on the way', () => {
    expect(shareableUrl(`${APP_BASE_PATH}/home?from=now-1h&to=now`, '', 'http://localhost:3000')).toBe(
      `http://localhost:3000${APP_BASE_PATH}/overview?from=now-1h&to=now`
    );
  });
});
