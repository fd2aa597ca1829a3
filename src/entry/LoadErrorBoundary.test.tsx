import '../testing/jsdomPolyfills';
import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { AppRootProps } from '@grafana/data';
import { testIds, uiText } from '../ui';

// The app's chunk cannot be loaded, as after a plugin upgrade removed it from the server.
jest.mock('../app/App', () => {
  throw Object.assign(new Error('Loading chunk 627 failed. (missing: /public/plugins/hybridlens/627.js)'), {
    name: 'ChunkLoadError',
  });
});

// Loading the entry transforms @grafana/i18n and the link code: slow on a loaded machine.
jest.setTimeout(30_000);

describe('module.js when the app chunk cannot load', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => jest.restoreAllMocks());

  it('says so and offers a reload instead of a blank page', async () => {
    const { plugin } = await import('../module');
    const Root = plugin.root as React.ComponentType<AppRootProps>;
    render(<Root {...({ meta: { jsonData: {} } } as unknown as AppRootProps)} />);
    const box = await screen.findByTestId(testIds.loadError.container);
    expect(box).toHaveTextContent(uiText('entry.load-error.title'));
    expect(screen.getByTestId(testIds.loadError.detail)).toHaveTextContent('Loading chunk 627 failed');
    const reload = jest.fn();
    Object.defineProperty(window, 'location', { value: { ...window.location, reload }, configurable: true });
    fireEvent.click(screen.getByTestId(testIds.loadError.reload));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
