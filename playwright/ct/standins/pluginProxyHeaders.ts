/**
 * Headers the harness' BackendSrv sends to the plugin-proxy stand-in in place of what Grafana knows server-side:
 * the route's URL from the app's jsonData, and the signed-in user's organization role (from the session).
 */
export const PROXY_UPSTREAM_HEADER = 'x-hl-harness-upstream';
export const PROXY_ROLE_HEADER = 'x-hl-harness-org-role';
