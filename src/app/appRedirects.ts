import { APP_BASE_PATH, buildAppUrl, parseAppUrl } from '@hybridlens/conventions';
import { APP_SECTIONS } from './routing';

export type AppRouteDecision = { kind: 'redirect'; to: string } | { kind: 'render' } | { kind: 'notFound' };

/**
 * What to do with a URL under the app root: legacy routes are rewritten to the current route with
 * every query parameter kept (rebuilt by buildAppUrl), the app root goes to Overview, and a path no
 * page serves is reported instead of rendering an empty page.
 */
export function decideAppRoute(pathname: string, search: string): AppRouteDecision {
  const at = pathname.indexOf(APP_BASE_PATH);
  const relative = at < 0 ? '' : pathname.slice(at + APP_BASE_PATH.length);
  const segments = relative.split('/').filter(Boolean);
  if (segments.length === 0) {
    const parsed = parseAppUrl(`${APP_BASE_PATH}/overview${search}`);
    return { kind: 'redirect', to: buildAppUrl(parsed ?? { page: 'overview' }) };
  }
  const parsed = parseAppUrl(`${pathname}${search}`);
  if (parsed?.legacyRoute) {
    return { kind: 'redirect', to: buildAppUrl(parsed) };
  }
  return APP_SECTIONS.has(segments[0]!) ? { kind: 'render' } : { kind: 'notFound' };
}
