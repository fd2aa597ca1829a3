import { APP_BASE_PATH, APP_ID, PAGE, type PageId } from '@hybridlens/conventions';

/** Grafana's route of an app's configuration page (Administration → Plugins → the app). */
export const CONFIG_PAGE_PATH = `/plugins/${APP_ID}`;

/**
 * Scenes routes derived from the contract's URL scheme, so the app serves exactly the paths
 * that alerts and other pages link to.
 */

/** Route of a page and everything below it (drilldowns), relative to the app root. */
export function pageRoutePath(page: PageId): string {
  return `${PAGE[page].path}/*`;
}

/** First path segment of a page: `traces/:traceId` → `traces`. */
export function sectionOf(page: PageId): string {
  return PAGE[page].path.split('/')[0]!;
}

/** Absolute path of a section root (also used as the url of parameterless pages). */
export function sectionUrl(page: PageId): string {
  return `${APP_BASE_PATH}/${sectionOf(page)}`;
}

/**
 * Route of a drilldown relative to its parent page: (`slos`, `slos/:slo`) → `:slo/*`. The splat lets
 * the drilldown page render its own nested routes (react-router v6 requires it).
 */
export function drilldownRoutePath(parentPath: string, child: PageId): string {
  const childPath = PAGE[child].path;
  const prefix = `${parentPath}/`;
  if (!childPath.startsWith(prefix)) {
    throw new Error(`drilldown ${child} (${childPath}) is not below ${parentPath}`);
  }
  return `${childPath.slice(prefix.length)}/*`;
}

/** Every first path segment the app serves; anything else under the app root is "not found". */
export const APP_SECTIONS: ReadonlySet<string> = new Set(Object.keys(PAGE).map((page) => sectionOf(page as PageId)));

/** Path parameters of a route match, without react-router's splat (`*`). */
export function pathParams(raw: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).filter((e): e is [string, string] => e[0] !== '*' && e[1] !== undefined)
  );
}
