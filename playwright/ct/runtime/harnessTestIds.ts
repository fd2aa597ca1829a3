import { ANNOTATION_MARKER_TEST_ID } from '../../pages/annotationMarkers';

/**
 * Test ids of the harness' own elements (the page chrome stand-in, the outside-the-app marker).
 * The app's ids live in src/ui/testIds.ts. Plain data: test files import it in Node.
 */
export const harnessTestIds = {
  pageTitle: 'harness-page-title',
  breadcrumbs: 'harness-page-breadcrumbs',
  tabs: 'harness-page-tabs',
  outsideApp: 'harness-outside-app',
  /** The time series stand-in; `data-axes` holds each axis' tick labels as drawn (JSON of AxisLabels). */
  timeseries: 'harness-timeseries',
  /**
   * An annotation marker of the time series stand-in (`panels/annotationMarkers.tsx`): `data-time` (epoch ms),
   * `data-time-end` for a region, `data-title`; hovering or focusing it shows `annotationTooltip`. The id is
   * Grafana's own for its markers (e2e-selectors `pages.Dashboard.Annotations.marker`), so a page object counts
   * markers the same way in the harness and in Grafana.
   */
  annotationMarker: ANNOTATION_MARKER_TEST_ID,
  annotationTooltip: 'harness-annotation-tooltip',
  /** The React version the page runs on (runtime/RuntimeProbe.tsx). */
  reactVersion: 'harness-react-version',
  /** The traces panel stand-in (`data-spans`: spans in the frame) and its span rows (`data-span-id`). */
  tracesPanel: 'harness-traces-panel',
  tracesPanelSpan: 'harness-traces-panel-span',
} as const;
