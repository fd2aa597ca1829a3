import { Trans, t as grafanaT } from '@grafana/i18n';

export { Trans };

/**
 * @grafana/i18n's `t()` without HTML-escaping the interpolated values: React escapes what it renders, so
 * i18next's own escaping would show `&quot;` for every quote in a value (a label value, a stored setting).
 */
export function t(key: string, defaultMessage: string, values?: Record<string, unknown>): string {
  return values
    ? grafanaT(key, defaultMessage, { ...values, interpolation: { escapeValue: false } })
    : grafanaT(key, defaultMessage);
}
