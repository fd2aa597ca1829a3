import { SloInputError } from './errors';

/**
 * A root URL written into generated files, checked and encoded; `what` names it in errors. The Grafana root
 * URL starts every runbook and drilldown link and lands inside
 * Go templates in alert annotations, so nothing in it may read as template syntax: the URL parser
 * percent-encodes braces, quotes and spaces in the path, and a root URL has no query or fragment (where the
 * parser would leave braces alone).
 */
export function grafanaRootUrl(text: string, what = 'Grafana URL'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SloInputError(`${what} "${text}" is not an absolute URL (e.g. http://localhost:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SloInputError(`${what} "${text}" must be an http:// or https:// URL`);
  }
  if (url.username || url.password) {
    throw new SloInputError(`${what}: credentials in the URL are not accepted (they would end up in generated files)`);
  }
  if (url.href.includes('?') || url.href.includes('#')) {
    throw new SloInputError(`${what} "${text}": give a root URL, without a query (?) or fragment (#)`);
  }
  return url.href.replace(/\/+$/, '');
}
