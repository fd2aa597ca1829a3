import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '@hybridlens/testkit';

export const rootPath = (path: string) => resolve(repoRoot, path);

/** A YAML file of the repository, merge keys (`<<`) resolved as Compose resolves them. */
export function readYaml<T>(path: string): T {
  return parse(readFileSync(rootPath(path), 'utf8'), { merge: true }) as T;
}

export interface ComposeService {
  image?: string;
  command?: string | string[];
  entrypoint?: string | string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string | string[] };
  environment?: Record<string, string>;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const compose = () => readYaml<ComposeFile>('docker-compose.yaml');

/** Compose's `${NAME:-default}` interpolation with an empty environment. */
export function withDefaults(text: string): string {
  return text.replace(/\$\{([A-Z_]+)(?::-([^}]*))?\}/g, (_m, _name: string, fallback?: string) => fallback ?? '');
}

export function commandText(service: ComposeService): string {
  const parts = [service.entrypoint, service.command].flatMap((c) =>
    c === undefined ? [] : Array.isArray(c) ? c : [c]
  );
  return parts.join(' ');
}
