import * as runtimeUnstable from '@grafana/runtime/unstable';

/**
 * @grafana/runtime 13 keeps its loggers in a registry that Grafana fills at start-up; without it, development
 * builds throw from `getLogger` on the first datasource log line. 12.x has no registry, so the function is looked
 * up by name (a named import would be a missing export there).
 */
export function initializeLoggerRegistry(): void {
  const exports: Record<string, unknown> = runtimeUnstable;
  const initialize = exports['initializeLoggersRegistry'];
  if (typeof initialize === 'function') {
    initialize();
  }
}
