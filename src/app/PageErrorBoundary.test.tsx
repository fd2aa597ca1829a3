import '../testing/jsdomPolyfills';
import React, { useState } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { APP_BASE_PATH, parseAppUrl } from '@hybridlens/conventions';
import { testIds, uiText } from '../ui';
import { PageErrorBoundary } from './PageErrorBoundary';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
}));

let broken = true;
function Page() {
  if (broken) {
    throw new TypeError("Cannot read properties of undefined (reading 'labels')");
  }
  return <div data-testid="page">the page</div>;
}

function Harness() {
  const [path, setPath] = useState(`${APP_BASE_PATH}/slos`);
  return (
    <MemoryRouter>
      <button data-testid="navigate" onClick={() => setPath(`${APP_BASE_PATH}/overview`)} />
      <PageErrorBoundary path={path}>
        <Page />
      </PageErrorBoundary>
    </MemoryRouter>
  );
}

describe('PageErrorBoundary', () => {
  // React reports every caught render error on the console; the test asserts the screen instead.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => jest.restoreAllMocks());

  it('shows what failed and the ways back instead of a blank app', () => {
    broken = true;
    render(<Harness />);
    expect(screen.getByTestId(testIds.pageError.container)).toHaveTextContent(uiText('page-error.title'));
    expect(screen.getByTestId(testIds.pageError.detail)).toHaveTextContent(
      uiText('page-error.detail', {
        path: `${APP_BASE_PATH}/slos`,
        message: "Cannot read properties of undefined (reading 'labels')",
      })
    );
    expect(parseAppUrl(screen.getByTestId(testIds.pageError.back).getAttribute('href')!)?.page).toBe('overview');
    // No stack trace on screen.
    expect(screen.getByTestId(testIds.pageError.container).textContent).not.toMatch(/at \w+ \(/);
  });

  it('"Try again" renders the page again; navigating away clears the error', () => {
    broken = true;
    render(<Harness />);
    broken = false;
    fireEvent.click(screen.getByTestId(testIds.pageError.retry));
    expect(screen.getByTestId('page')).toBeInTheDocument();

    cleanup();
    broken = true;
    render(<Harness />);
    expect(screen.queryByTestId('page')).toBeNull();
    broken = false;
    act(() => fireEvent.click(screen.getByTestId('navigate')));
    expect(screen.getByTestId('page')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.pageError.container)).toBeNull();
  });
});
