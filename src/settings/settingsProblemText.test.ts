import { uiText } from '../ui';
import { type SettingsProblem, resolveSettings } from './settings';
import { settingsFallbackText, settingsProblemText } from './settingsProblemText';

describe('settings problems as text', () => {
  const problems = resolveSettings({
    prometheusUid: 'has spaces!',
    tempoUid: 42,
    grafanaBaseUrl: 'ftp://x',
    thresholds: { hallucinationRate: '7' },
  }).problems;
  const byField = (field: string) => problems.find((p) => p.field === field)!;

  it('names the field, the stored value and what is accepted, from the data alone', () => {
    expect(settingsProblemText(byField('prometheusUid'))).toBe(
      uiText('settings.problem.not-a-datasource-uid', { field: 'prometheusUid', value: 'has spaces!' })
    );
    expect(settingsProblemText(byField('tempoUid'))).toBe('tempoUid must be text, got 42');
    expect(settingsProblemText(byField('grafanaBaseUrl'))).toBe(
      'grafanaBaseUrl: "ftp://x" must start with http:// or https://'
    );
    // Quotes in values are shown as quotes (React escapes), not as &quot;.
    expect(settingsProblemText(byField('thresholds.hallucinationRate'))).toBe(
      'thresholds.hallucinationRate must be a number from 0 to 1, got "7"'
    );
  });

  it('says what the pages use instead', () => {
    expect(settingsFallbackText(byField('prometheusUid'))).toBe('Using hybridlens-prometheus instead.');
    expect(settingsFallbackText(byField('grafanaBaseUrl'))).toBe(uiText('settings.problem.fallback-empty'));
  });

  it('has a text for every problem code', () => {
    const all: SettingsProblem[] = [
      ...problems,
      ...resolveSettings({ thresholds: 'x', grafanaBaseUrl: 'not a url' }).problems,
    ];
    expect(new Set(all.map((p) => p.code)).size).toBe(6);
    for (const problem of all) {
      expect(settingsProblemText(problem)).toContain(problem.field);
    }
  });
});
