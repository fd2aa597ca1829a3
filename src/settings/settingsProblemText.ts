import { t } from '../i18n';
import { SETTINGS_PROBLEM, type SettingsProblem } from './settings';

/** One sentence naming the field, what was stored and what is accepted. */
export function settingsProblemText(problem: SettingsProblem): string {
  const { field, value } = problem;
  switch (problem.code) {
    case SETTINGS_PROBLEM.notAString:
      return t('settings.problem.not-a-string', '{{field}} must be text, got {{value}}', { field, value });
    case SETTINGS_PROBLEM.notADatasourceUid:
      return t(
        'settings.problem.not-a-datasource-uid',
        '{{field}}: "{{value}}" is not a datasource uid (letters, digits, - and _, at most 40)',
        { field, value }
      );
    case SETTINGS_PROBLEM.notAUrl:
      return t('settings.problem.not-a-url', '{{field}}: "{{value}}" is not a URL (e.g. https://grafana.example.com)', {
        field,
        value,
      });
    case SETTINGS_PROBLEM.notHttp:
      return t('settings.problem.not-http', '{{field}}: "{{value}}" must start with http:// or https://', {
        field,
        value,
      });
    case SETTINGS_PROBLEM.notAnObject:
      return t('settings.problem.not-an-object', '{{field}} must be an object of thresholds, got {{value}}', {
        field,
        value,
      });
    case SETTINGS_PROBLEM.outOfRange:
      return t('settings.problem.out-of-range', '{{field}} must be a number from {{min}} to {{max}}, got "{{value}}"', {
        field,
        value,
        min: problem.limits?.min,
        max: problem.limits?.max,
      });
  }
}

/** What the app does instead, for pages that run on the defaults. */
export function settingsFallbackText(problem: SettingsProblem): string {
  return problem.fallback === ''
    ? t('settings.problem.fallback-empty', 'Left empty instead.')
    : t('settings.problem.fallback', 'Using {{fallback}} instead.', { fallback: problem.fallback });
}
