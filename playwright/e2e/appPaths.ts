import { APP_BASE_PATH, type AppLink, buildAppUrl } from '@hybridlens/conventions';

/** plugin-e2e's gotoAppPage prefixes `/a/<app>`; give it the rest of a buildAppUrl link. */
export function appRelative(link: AppLink): { path: string; queryParams?: URLSearchParams } {
  const url = new URL(buildAppUrl(link), 'http://grafana.invalid');
  const path = url.pathname.slice(APP_BASE_PATH.length + 1);
  return url.search ? { path, queryParams: url.searchParams } : { path };
}
