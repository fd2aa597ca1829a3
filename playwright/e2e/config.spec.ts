import { expect, test } from '@grafana/plugin-e2e';
import { APP_ID } from '@hybridlens/conventions';
import { testIds } from '../../src/ui';

test.describe('configuration page', () => {
  test('saves the Grafana base URL and a threshold', async ({ gotoAppConfigPage, page }) => {
    const configPage = await gotoAppConfigPage({ pluginId: APP_ID });
    const baseUrl = `http://grafana-${Date.now()}.example.com`;
    await page.getByTestId(testIds.appConfig.grafanaBaseUrl).fill(baseUrl);
    await page.getByTestId(testIds.appConfig.threshold('minEventsToJudge')).fill('150');
    const saved = configPage.waitForSettingsResponse();
    await page.getByTestId(testIds.appConfig.save).click();
    await expect(saved).toBeOK();
    await page.reload();
    await expect(page.getByTestId(testIds.appConfig.grafanaBaseUrl)).toHaveValue(baseUrl);
    await expect(page.getByTestId(testIds.appConfig.threshold('minEventsToJudge'))).toHaveValue('150');
  });

  test('rejects an invalid value and names the field', async ({ gotoAppConfigPage, page }) => {
    await gotoAppConfigPage({ pluginId: APP_ID });
    await page.getByTestId(testIds.appConfig.threshold('hallucinationRate')).fill('3');
    await expect(page.getByTestId(testIds.appConfig.problems)).toContainText('thresholds.hallucinationRate');
    await expect(page.getByTestId(testIds.appConfig.save)).toBeDisabled();
  });

  test('"Test" reports on Prometheus, Tempo and Loki', async ({ gotoAppConfigPage, page }) => {
    await gotoAppConfigPage({ pluginId: APP_ID });
    await page.getByTestId(testIds.appConfig.test).click();
    await expect(page.getByTestId(testIds.appConfig.testCheck)).toHaveCount(3);
    await expect(page.getByTestId(testIds.appConfig.testResult)).toContainText('Prometheus (hybridlens-prometheus)');
  });
});
