import catalog from '../locales/en-US/hybridlens-observability-app.json';

type Catalog = typeof catalog;

/** Dotted paths to every string of a nested catalog. */
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeysOf<T[K]>}`;
}[keyof T & string];

/** A translation key of the app's English catalog (`src/locales/en-US/*.json`, extracted from the code). */
export type UiTextKey = KeysOf<Catalog>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function lookUp(key: UiTextKey): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') {
    throw new Error(`UI text "${key}" is not in the English catalog: run npm run i18n:extract`);
  }
  return node;
}

/**
 * The English text the app renders for a key, with `{{name}}` placeholders filled from `values`. The catalog
 * is extracted from the `t()` / `<Trans>` defaults in the code (the i18n step of npm test fails when it is
 * stale), so this is the text on screen.
 */
export function uiText(key: UiTextKey, values: Readonly<Record<string, string | number>> = {}): string {
  return lookUp(key).replace(PLACEHOLDER, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The text of a key as a regular expression; placeholders not given in `values` match any text. */
export function uiTextPattern(key: UiTextKey, values: Readonly<Record<string, string | number>> = {}): RegExp {
  const text = lookUp(key);
  let source = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(text.slice(last, match.index));
    const name = match[1]!;
    source += name in values ? escapeRegExp(String(values[name])) : '.*?';
    last = match.index + match[0].length;
  }
  source += escapeRegExp(text.slice(last));
  return new RegExp(source);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
