/**
 * Page objects for every page of the app, shared by the page harness (playwright/ct) and the real-Grafana
 * specs (playwright/e2e): both suites find things the same way, through src/ui's test ids and UI text.
 */
export { AppPageObject, type Root, pageTitleText } from './AppPageObject';
export { OverviewPage, OVERVIEW_TILES, type OverviewTile } from './OverviewPage';
export { SloDetailPage, SlosPage } from './SlosPage';
export { ProviderDetailPage, ProvidersPage } from './ProvidersPage';
export { ConfigPage } from './ConfigPage';
export { PlaybookPage, PlaybooksPage } from './PlaybooksPage';
export { ProviderFilter, providerNameText } from './ProviderFilter';
export { LlmQualityPage, LLM_QUALITY_TILES, type LlmQualityTile } from './LlmQualityPage';
export { QuantumJobPage, TracePage } from './TracePages';
export { ANNOTATION_MARKER_TEST_ID, annotationMarkerTimes, annotationMarkers } from './annotationMarkers';
