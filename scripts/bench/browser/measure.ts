// Timing helpers that run in the page.
import { createElement, type ReactElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { config } from '@grafana/runtime';
import { ThemeContext } from '@grafana/ui';
import type { MountTimes } from './protocol';

/** Resolves after the next frame has been painted: rAF runs before paint, a posted task after it. */
export function nextPaintedFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/** Reading layout forces the browser to finish style and layout of what React committed. */
export function forceLayout(element: HTMLElement): void {
  void element.getBoundingClientRect();
  void element.offsetHeight;
}

export interface Mounted {
  root: Root;
  container: HTMLDivElement;
  unmount(): void;
}

/** A fresh container (fixed width, as on a 1440 px page) and React root for each run. */
export function freshRoot(width = 1200): Mounted {
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  document.getElementById('root')!.appendChild(container);
  const root = createRoot(container);
  return {
    root,
    container,
    unmount() {
      flushSync(() => root.unmount());
      container.remove();
    },
  };
}

/** Renders synchronously and times the commit plus layout, then the painted frame. */
export async function timedRender(mounted: Mounted, element: ReactElement): Promise<MountTimes> {
  const t0 = performance.now();
  flushSync(() => mounted.root.render(element));
  forceLayout(mounted.container);
  const render = performance.now() - t0;
  const frame = (await nextPaintedFrame()) - t0;
  return { render, frame };
}

/** Resolves when `target`'s children change (React committed new rows), or rejects after `timeoutMs`. */
export function nextChildListChange(target: Element, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no rows were committed within ${timeoutMs} ms of a scroll step`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const at = performance.now();
      clearTimeout(timer);
      observer.disconnect();
      resolve(at);
    });
    observer.observe(target, { childList: true });
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * `element` in Grafana's theme. Grafana's global styles are mounted once for the page (main.ts), as Grafana's app
 * root does, so a timed render pays for the component alone, not for re-inserting the global CSS.
 */
export function inGrafana(element: ReactNode): ReactElement {
  return createElement(ThemeContext.Provider, { value: config.theme2 }, element);
}
