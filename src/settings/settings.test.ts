import { DATASOURCE_UID, ENQUEUE_SLO_THRESHOLD_SECONDS } from '@hybridlens/conventions';
import { DEFAULT_SETTINGS, DEFAULT_THRESHOLDS, resolveSettings } from './settings';

describe('resolveSettings', () => {
  it('uses the provisioned uids when nothing is stored', () => {
    expect(resolveSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(DEFAULT_SETTINGS.prometheusUid).toBe(DATASOURCE_UID.prometheus);
  });

  it('keeps valid stored values and trims the base URL', () => {
    const { settings, problems } = resolveSettings({
      prometheusUid: 'prom-2',
      grafanaBaseUrl: 'https://grafana.example.com/sub/',
      thresholds: { latencySeconds: '1.5', hallucinationRate: 0.1 },
    });
    expect(problems).toEqual([]);
    expect(settings.prometheusUid).toBe('prom-2');
    expect(settings.grafanaBaseUrl).toBe('https://grafana.example.com/sub');
    expect(settings.thresholds.latencySeconds).toBe(1.5);
    expect(settings.thresholds.hallucinationRate).toBe(0.1);
  });

  it('replaces bad values with defaults and names each field', () => {
    const { settings, problems } = resolveSettings({
      prometheusUid: 'has spaces!',
      tempoUid: 42,
      grafanaBaseUrl: 'ftp://x',
      thresholds: { hallucinationRate: 3, queueLengthCritical: 'lots' },
    });
    expect(settings.prometheusUid).toBe(DATASOURCE_UID.prometheus);
    expect(settings.tempoUid).toBe(DATASOURCE_UID.tempo);
    expect(settings.grafanaBaseUrl).toBe('');
    expect(settings.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(problems.map((p) => p.field)).toEqual([
      'prometheusUid',
      'tempoUid',
      'grafanaBaseUrl',
      'thresholds.queueLengthCritical',
      'thresholds.hallucinationRate',
    ]);
    expect(problems.map((p) => p.code)).toEqual([
      'notADatasourceUid',
      'notAString',
      'notHttp',
      'outOfRange',
      'outOfRange',
    ]);
    expect(problems[0]).toMatchObject({ value: 'has spaces!', fallback: DATASOURCE_UID.prometheus });
    expect(problems[1]).toMatchObject({ value: '42' });
    expect(problems[3]).toMatchObject({ value: 'lots', limits: { min: 1, max: 1e6 }, fallback: '50' });
    expect(problems[4]).toMatchObject({ value: '3', limits: { min: 0, max: 1 } });
  });

  it('survives jsonData that is not an object', () => {
    expect(resolveSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ thresholds: 7 }).problems).toEqual([
      expect.objectContaining({ code: 'notAnObject', field: 'thresholds', value: '7' }),
    ]);
    expect(resolveSettings({ grafanaBaseUrl: 'grafana' }).problems[0]).toMatchObject({
      code: 'notAUrl',
      field: 'grafanaBaseUrl',
      value: 'grafana',
      fallback: '',
    });
  });

  it('reads the admin API URL: http(s) only, trailing slashes trimmed, a bad one named and left empty', () => {
    expect(resolveSettings({ adminApiUrl: 'http://127.0.0.1:9464/' }).settings.adminApiUrl).toBe(
      'http://127.0.0.1:9464'
    );
    const bad = resolveSettings({ adminApiUrl: 'javascript:alert(1)' });
    expect(bad.settings.adminApiUrl).toBe('');
    expect(bad.problems).toEqual([
      { code: 'notHttp', field: 'adminApiUrl', value: 'javascript:alert(1)', fallback: '' },
    ]);
    expect(resolveSettings({ adminApiUrl: 7 }).problems).toMatchObject([{ code: 'notAString', field: 'adminApiUrl' }]);
  });
});

describe('thresholds the generated rules also use', () => {
  it('default the enqueue P95 target to the queueing SLO and queue alert threshold of the contract', () => {
    expect(DEFAULT_THRESHOLDS.enqueueP95Seconds).toBe(ENQUEUE_SLO_THRESHOLD_SECONDS);
    expect(resolveSettings(undefined).settings.thresholds.enqueueP95Seconds).toBe(ENQUEUE_SLO_THRESHOLD_SECONDS);
  });
});
