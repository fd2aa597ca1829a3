import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC } from '@hybridlens/conventions';
import type { HybridTelemetry } from '@hybridlens/instrument';

type Registry = HybridTelemetry['registry'];

/** promtool cuts history into blocks of this length; one file per block keeps its import single-pass. */
export const TSDB_BLOCK_MS = 2 * 3_600_000;

/** Output buffer: few system calls, flat memory. */
const BUFFER_BYTES = 1 << 21;
/** A sample line is far shorter; below this much room the buffer is written out first. */
const LINE_ROOM = 8 << 10;

/** The OpenMetrics family name of a contract metric (counters drop `_total`). */
function familyName(name: string, type: string): string {
  return type === 'counter' ? name.replace(/_total$/, '') : name;
}

function header(): string {
  return Object.values(METRIC)
    .map((m) => {
      const family = familyName(m.name, m.type);
      return `# TYPE ${family} ${m.type}\n# HELP ${family} ${m.help}\n`;
    })
    .join('');
}

function escapeLabelValue(value: unknown): string {
  return String(value).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isFinite(value)) {
    return String(value);
  }
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}

/** `name{a="1",b="2"` without the closing brace, so a histogram can append `le`. */
function openSeries(name: string, labels: Record<string, unknown>): string {
  let text = `${name}{`;
  let first = true;
  for (const key of Object.keys(labels)) {
    text += `${first ? '' : ','}${key}="${escapeLabelValue(labels[key])}"`;
    first = false;
  }
  return text;
}

/** What prom-client's metric objects give per value (the shape its own registry formats). */
interface ExportedValue {
  value: number;
  labels?: Record<string, unknown>;
  metricName?: string;
  /** Histograms: the series' own labels, one object per series for as long as the series lives. */
  sharedLabels?: Record<string, unknown>;
}

interface ExportableMetric {
  get(): Promise<{ name: string; type: string; values: ExportedValue[] }>;
  getForPromString?: () => Promise<{ name: string; type: string; values: ExportedValue[] }>;
}

/**
 * Streams scrapes of a prom-client registry into OpenMetrics files for
 * `promtool tsdb create-blocks-from openmetrics`: timestamps in seconds, `# EOF` at the end, one file
 * per 2-hour TSDB block (named by the block's start, UTC) so each import reads its file once.
 *
 * A month of history is tens of millions of samples, so a scrape reads the metric objects directly (as
 * the registry's own text exposition does) and formats each series' name and labels once: prom-client
 * keeps one labels object per series for its whole life, which keys the cache.
 */
export class OpenMetricsWriter {
  private fd: number | undefined;
  private currentBlock = -1;
  // Filled with utf8Write and written with writeSync: several times cheaper than building one long string.
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Per metric family: series text by labels object (the SDK may pass one labels object to several metrics). */
  private readonly seriesText = new Map<string, WeakMap<object, string>>();
  private lastScrapeSamples = 0;
  readonly files: string[] = [];
  samples = 0;
  bytes = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Series in the last scrape (a registry never drops a series, so: every series written). */
  get series(): number {
    return this.lastScrapeSamples;
  }

  /** Append one scrape of `registry` at `time` (epoch ms). Scrapes must come in time order. */
  async writeRegistry(registry: Registry, time: number): Promise<void> {
    const block = Math.floor(time / TSDB_BLOCK_MS);
    if (block !== this.currentBlock) {
      this.openBlock(block);
    }
    const suffix = ` ${Math.floor(time / 1000)}\n`;
    let samples = 0;
    for (const metric of registry.getMetricsAsArray() as unknown as ExportableMetric[]) {
      const data = metric.getForPromString ? await metric.getForPromString() : await metric.get();
      let cache = this.seriesText.get(data.name);
      if (cache === undefined) {
        cache = new WeakMap();
        this.seriesText.set(data.name, cache);
      }
      for (const v of data.values) {
        if (this.used > BUFFER_BYTES - LINE_ROOM) {
          this.drain();
        }
        this.used += this.buffer.write(
          `${this.seriesOf(data.name, v, cache)} ${formatValue(v.value)}${suffix}`,
          this.used
        );
        samples++;
      }
    }
    this.samples += samples;
    this.lastScrapeSamples = samples;
  }

  close(): void {
    this.closeBlock();
  }

  /** The sample's series text (`name{labels}`), formatted once per series. */
  private seriesOf(family: string, v: ExportedValue, cache: WeakMap<object, string>): string {
    const name = v.metricName ?? family;
    if (v.sharedLabels) {
      // A histogram line: the series' labels are cached, `le` (or nothing, for _sum / _count) is appended.
      let base = cache.get(v.sharedLabels);
      if (base === undefined) {
        base = openSeries('', v.sharedLabels).slice(1);
        cache.set(v.sharedLabels, base);
      }
      const le = v.labels?.le;
      const labels = le === undefined ? base : `${base}${base.length > 0 ? ',' : ''}le="${formatLe(le)}"`;
      return `${name}{${labels}}`;
    }
    const labels = v.labels ?? {};
    let text = cache.get(labels);
    if (text === undefined) {
      text = `${openSeries(name, labels)}}`;
      cache.set(labels, text);
    }
    return text;
  }

  private openBlock(block: number): void {
    this.closeBlock();
    const name = `${new Date(block * TSDB_BLOCK_MS).toISOString().slice(0, 13).replace(/[-:]/g, '')}.om`;
    const file = join(this.dir, name);
    this.fd = openSync(file, 'w');
    this.files.push(file);
    this.currentBlock = block;
    this.writeText(header());
  }

  private closeBlock(): void {
    if (this.fd === undefined) {
      return;
    }
    this.writeText('# EOF\n');
    this.drain();
    closeSync(this.fd);
    this.fd = undefined;
  }

  private writeText(text: string): void {
    const size = Buffer.byteLength(text);
    if (this.used + size > BUFFER_BYTES) {
      this.drain();
    }
    if (size > BUFFER_BYTES) {
      this.bytes += writeSync(this.fd!, text);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  private drain(): void {
    if (this.fd === undefined || this.used === 0) {
      return;
    }
    let offset = 0;
    while (offset < this.used) {
      offset += writeSync(this.fd, this.buffer, offset, this.used - offset);
    }
    this.bytes += this.used;
    this.used = 0;
  }
}

function formatLe(le: unknown): string {
  return typeof le === 'number' ? formatValue(le) : String(le);
}
