import { expect, test } from '@grafana/plugin-e2e';
import { APP_ID } from '@hybridlens/conventions';
import { uiText } from '../../src/ui';
import { ConfigPage } from '../pages';

test.describe('configuration page', () => {
  test('saves the Grafana base URL and a threshold', async ({ gotoAppConfigPage, page }) => {
    const configPage = await gotoAppConfigPage({ pluginId: APP_ID });
    const config = new ConfigPage(page);
    const baseUrl = `http://grafana-${Date.now()}.example.com`;
    await config.grafanaBaseUrl.fill(baseUrl);
    await config.threshold('minEventsToJudge').fill('150');
    const saved = configPage.waitForSettingsResponse();
    await config.save.click();
    await expect(saved).toBeOK();
    await page.reload();
    await expect(config.grafanaBaseUrl).toHaveValue(baseUrl);
    await expect(config.threshold('minEventsToJudge')).toHaveValue('150');
  });

  test('rejects an invalid value and names the field', async ({ gotoAppConfigPage, page }) => {
    await gotoAppConfigPage({ pluginId: APP_ID });
    const config = new ConfigPage(page);
    await config.threshold('hallucinationRate').fill('3');
    await expect(config.problem('thresholds.hallucinationRate')).toHaveText(
      uiText('settings.problem.out-of-range', { field: 'thresholds.hallucinationRate', min: 0, max: 1, value: '3' })
    );
    await expect(config.save).toBeDisabled();
  });

  test('"Test" reports on Prometheus, Tempo and Loki', async ({ gotoAppConfigPage, page }) => {
    await gotoAppConfigPage({ pluginId: APP_ID });
    const config = new ConfigPage(page);
    await config.test.click();
    await expect(config.testChecks).toHaveCount(3);
    await expect(config.testResult).toContainText('Prometheus (hybridlens-prometheus)');
  });
});
