import { stringify } from 'yaml';

/**
 * The preview's prometheus.yml: the compose stack's scrape jobs pointed at the local processes, at the
 * history's step so `$__rate_interval` spans the same samples before and after "now", and its rule files.
 */
export function previewPrometheusConfig(options: {
  scrapeSeconds: number;
  simulator: string;
  calibration: string;
  rulesDir: string;
}): string {
  return stringify({
    global: { scrape_interval: `${options.scrapeSeconds}s`, evaluation_interval: `${options.scrapeSeconds}s` },
    rule_files: [`${options.rulesDir}/*.yml`, `${options.rulesDir}/*.yaml`],
    scrape_configs: [
      { job_name: 'simulator', static_configs: [{ targets: [options.simulator] }] },
      { job_name: 'calibration', scrape_interval: '60s', static_configs: [{ targets: [options.calibration] }] },
    ],
  });
}
