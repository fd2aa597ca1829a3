import { locationService } from '@grafana/runtime';

/**
 * Grafana turns clicks on same-origin links into client-side navigation (its interceptLinkClicks).
 * Without that, every link on a page would reload the CT preview server at an unknown path.
 */
export function interceptLinkClicks(doc: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const anchor = (event.target as Element | null)?.closest?.('a');
    const href = anchor?.getAttribute('href');
    if (!anchor || !href || anchor.target === '_blank' || anchor.hasAttribute('download')) {
      return;
    }
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) {
      return;
    }
    event.preventDefault();
    locationService.push(`${url.pathname}${url.search}${url.hash}`);
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}
