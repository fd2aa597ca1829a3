import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultSpecs } from './defaults';
import { DEFAULT_GRAFANA_URL, GENERATED_HEADER, generateRuleFiles } from './generate';
import { parseOpenSlo } from './openslo';

const USAGE = `usage: hybridlens-slo generate [--out DIR] [--grafana-url URL] [--specs FILE...] [--no-defaults]

  --out DIR           where to write the Prometheus rule files (default: provisioning/prometheus/rules)
  --grafana-url URL   Grafana root URL for runbook and drilldown links (default: ${DEFAULT_GRAFANA_URL})
  --specs FILE...     OpenSLO v1 YAML files with more SLOs (kinds SLO and SLI)
  --no-defaults       leave out the shipped SLOs of the ops guide`;

interface Args {
  out: string;
  grafanaUrl: string;
  specs: string[];
  defaults: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    out: 'provisioning/prometheus/rules',
    grafanaUrl: DEFAULT_GRAFANA_URL,
    specs: [],
    defaults: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) {
        throw new Error(`${arg} needs a value\n${USAGE}`);
      }
      return v;
    };
    if (arg === '--out') {
      args.out = value();
    } else if (arg === '--grafana-url') {
      args.grafanaUrl = value();
    } else if (arg === '--specs') {
      args.specs.push(value());
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) {
        args.specs.push(argv[++i]!);
      }
    } else if (arg === '--no-defaults') {
      args.defaults = false;
    } else {
      throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return args;
}

/** Runs the CLI; returns the exit code. Messages go to the given streams. */
export function main(
  argv: string[],
  log: (line: string) => void = console.log,
  warn: (line: string) => void = console.error
): number {
  const [command, ...rest] = argv;
  if (command !== 'generate') {
    warn(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let args: Args;
  try {
    args = parseArgs(rest);
  } catch (error) {
    warn((error as Error).message);
    return 2;
  }
  const inputs = args.specs.map((file) => ({ name: file, text: readFileSync(file, 'utf8') }));
  const parsed = parseOpenSlo(inputs);
  for (const error of parsed.errors) {
    warn(`error: ${error}`);
  }
  const specs = [...(args.defaults ? defaultSpecs() : []), ...parsed.specs];
  let result;
  try {
    result = generateRuleFiles(specs, { grafanaUrl: args.grafanaUrl });
  } catch (error) {
    warn(`error: ${(error as Error).message}`);
    return 1;
  }
  for (const warning of result.warnings) {
    warn(`warning: ${warning}`);
  }
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const written = new Set(result.files.map((f) => f.fileName));
  // Remove rule files this generator wrote earlier for SLOs that no longer exist; leave others alone.
  for (const name of existsSync(out) ? readdirSync(out) : []) {
    const path = join(out, name);
    if (!written.has(name) && name.endsWith('.rules.yml') && readFileSync(path, 'utf8').startsWith(GENERATED_HEADER)) {
      rmSync(path);
      log(`removed ${path}`);
    }
  }
  for (const file of result.files) {
    writeFileSync(join(out, file.fileName), file.content);
    log(`wrote ${join(out, file.fileName)}`);
  }
  return parsed.errors.length > 0 ? 1 : 0;
}
