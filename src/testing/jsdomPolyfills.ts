// Browser APIs jsdom lacks but @grafana/scenes touches at import time. Import this first in scene tests.
class NoopIntersectionObserver {
  readonly root = null;
  readonly rootMargin = '';
  readonly thresholds: number[] = [];
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}

const g = globalThis as unknown as Record<string, unknown>;
g.IntersectionObserver ??= NoopIntersectionObserver;
g.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
