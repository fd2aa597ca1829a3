/**
 * What tests and the app share about the screen: every test id, and the app's English UI text by its
 * translation key. Unit tests, the page harness (playwright/ct) and the Grafana e2e specs (playwright/e2e)
 * import this module, so a renamed title or test id breaks the tests that run here, not only in CI.
 */
export { testIds } from './testIds';
export { type UiTextKey, uiText, uiTextPattern } from './uiText';
