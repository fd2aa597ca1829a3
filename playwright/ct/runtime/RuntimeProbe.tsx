import React, { createElement, version } from 'react';
import { harnessTestIds } from './harnessTestIds';

/** Shows the version of the React the page bundle was built with. */
export function ReactVersionProbe() {
  return <div data-testid={harnessTestIds.reactVersion}>{version}</div>;
}

/**
 * A list without keys: React's development build warns about it on the console, the production build says
 * nothing. Built with createElement so the linter's jsx-key rule does not stop the mistake the probe needs.
 */
export function UnkeyedList({ items }: { items: string[] }) {
  return createElement(
    'ul',
    null,
    items.map((item) => createElement('li', null, item))
  );
}
