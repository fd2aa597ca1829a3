import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';
import { APP_BASE_PATH } from '@hybridlens/conventions';

/** URL prefix the harness sets as `window.__grafana_public_path__` (Grafana serves /public/ the same way). */
export const GRAFANA_PUBLIC_PATH = '/public/';

const CONTENT_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

/** Grafana's font file names (from @grafana/ui's GlobalStyles) → the same faces from @fontsource. */
const FONT_FILES: Record<string, string> = {
  'inter/Inter-Regular.woff2': '@fontsource/inter/files/inter-latin-400-normal.woff2',
  'inter/Inter-Medium.woff2': '@fontsource/inter/files/inter-latin-500-normal.woff2',
  'inter/Inter-Italic.woff2': '@fontsource/inter/files/inter-latin-400-italic.woff2',
  'inter/Inter-MediumItalic.woff2': '@fontsource/inter/files/inter-latin-500-italic.woff2',
};
const ROBOTO_MONO = '@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2';

/**
 * Where a /public/ URL lives in node_modules, or undefined when Grafana would not serve it either. Icons come
 * from the @grafana/ui of the run's runtime (`uiNodeModules`), fonts from the repository's install.
 */
export function resolvePublicAsset(
  nodeModules: string,
  urlPath: string,
  uiNodeModules: string = nodeModules
): string | undefined {
  if (!urlPath.startsWith(GRAFANA_PUBLIC_PATH)) {
    return undefined;
  }
  const rest = normalize(decodeURIComponent(urlPath.slice(GRAFANA_PUBLIC_PATH.length))).replace(/^(\.\.[/\\])+/, '');
  if (rest.startsWith('build/img/icons/')) {
    return join(uiNodeModules, '@grafana/ui/dist/public/img/icons', rest.slice('build/img/icons/'.length));
  }
  if (rest.startsWith('fonts/')) {
    const font = rest.slice('fonts/'.length);
    const mapped = FONT_FILES[font] ?? (font.startsWith('roboto/') ? ROBOTO_MONO : undefined);
    return mapped ? join(nodeModules, mapped) : undefined;
  }
  return undefined;
}

interface IconifySet {
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
  width?: number;
  height?: number;
}

/**
 * @grafana/ui's npm package ships only part of Grafana's unicons folder (Grafana's build copies the rest).
 * The missing line icons come from the Unicons set itself, as packaged by @iconify-json/uil.
 */
export function uniconSvg(nodeModules: string, name: string, cache: { set?: IconifySet }): string | undefined {
  cache.set ??= JSON.parse(readFileSync(join(nodeModules, '@iconify-json/uil/icons.json'), 'utf8')) as IconifySet;
  const set = cache.set;
  const icon = set.icons[name] ?? set.icons[set.aliases?.[name]?.parent ?? ''];
  if (!icon) {
    return undefined;
  }
  const width = icon.width ?? set.width ?? 24;
  const height = icon.height ?? set.height ?? 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${icon.body}</svg>`;
}

/** Serves Grafana's icons and fonts from node_modules on the CT preview (and dev) server, copying nothing. */
export function grafanaPublicAssets(repoRoot: string, uiNodeModules = join(repoRoot, 'node_modules')): Plugin {
  const nodeModules = join(repoRoot, 'node_modules');
  const unicons: { set?: IconifySet } = {};
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const file = resolvePublicAsset(nodeModules, (req.url ?? '').split('?')[0] ?? '', uiNodeModules);
    if (!file) {
      next();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      const unicon = /\/icons\/unicons\/([a-z0-9-]+)\.svg$/.exec(file);
      const svg = unicon ? uniconSvg(nodeModules, unicon[1]!, unicons) : undefined;
      if (svg) {
        res.setHeader('Content-Type', CONTENT_TYPES['.svg']!);
        res.end(svg);
        return;
      }
      res.statusCode = 404;
      res.end(`not found: ${req.url}`);
      return;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'max-age=3600');
    createReadStream(file).pipe(res);
  };
  // Grafana serves its index page for every app URL; the harness page does the same so a reload at
  // /a/<app>/... loads the harness again (the test then mounts the app on the URL the browser kept).
  const appPages = (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
    if (req.method === 'GET' && (req.url ?? '').startsWith(`${APP_BASE_PATH}/`)) {
      req.url = '/index.html';
    }
    next();
  };
  return {
    name: 'hybridlens:grafana-public-assets',
    configureServer(server) {
      server.middlewares.use(serve);
      server.middlewares.use(appPages);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
      server.middlewares.use(appPages);
    },
  };
}
