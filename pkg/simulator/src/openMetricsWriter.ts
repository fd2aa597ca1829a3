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

function header(only: ReadonlySet<string> | undefined): string {
  return Object.values(METRIC)
    .filter((m) => !only || only.has(m.name))
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
 * What a prom-client 15 Histogram holds per series (the fields its own getForPromString reads). Reading
 * them directly skips building some twenty objects per series and scrape, the largest cost of a long
 * history; the writer falls back to the public path when the fields are not there.
 */
interface HistogramInternals {
  name: string;
  type: 'histogram';
  collect?: unknown;
  upperBounds: readonly number[];
  hashMap: Record<
    string,
    { labels: Record<string, unknown>; bucketValues: Record<number, number>; sum: number; count: number }
  >;
}

function histogramInternals(metric: unknown): HistogramInternals | undefined {
  const m = metric as Partial<HistogramInternals>;
  return m.type === 'histogram' &&
    m.collect === undefined &&
    Array.isArray(m.upperBounds) &&
    typeof m.hashMap === 'object'
    ? (m as HistogramInternals)
    : undefined;
}

/**
 * The lines of one series (or of one histogram series: its buckets, _sum and _count), as their encoded
 * `name{labels} ` prefixes: a scrape copies a prefix and writes the value's digits after it.
 */
interface SeriesLines {
  /** Histograms: `name_bucket{labels,le="..."}` prefixes are built from this; others: the whole `name{labels}`. */
  base: string;
  prefixes: Buffer[];
}

/** Buffer.prototype.utf8Write: the same as write(string, offset) without its argument juggling, which costs as much as the copy. */
type Utf8Writable = Buffer & { utf8Write(text: string, offset: number): number };

function encodePrefix(series: string): Buffer {
  return Buffer.from(`${series} `);
}

/**
 * Streams scrapes of a prom-client registry into OpenMetrics files for
 * `promtool tsdb create-blocks-from openmetrics`: timestamps in seconds, `# EOF` at the end, one file
 * per 2-hour TSDB block (named by the block's start, UTC) so each import reads its file once.
 *
 * A month of history is tens of millions of samples, so a scrape reads the metric objects directly (as
 * the registry's own text exposition does), encodes each series' name and labels once (prom-client keeps one
 * labels object per series for its whole life, which keys the cache) and writes the values' digits directly.
 */
export class OpenMetricsWriter {
  private fd: number | undefined;
  private currentBlock = -1;
  // Filled in place and written with writeSync: several times cheaper than building one long string.
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES) as Utf8Writable;
  private used = 0;
  /** Per metric family: the lines of each series by labels object (the SDK may pass one labels object to several metrics). */
  private readonly lines = new Map<string, WeakMap<object, SeriesLines>>();
  private lastScrapeSamples = 0;
  readonly files: string[] = [];
  samples = 0;
  bytes = 0;

  private readonly only: ReadonlySet<string> | undefined;

  private readonly fileMs: number;

  /**
   * `only`: write just these metric families (contract names); default all. `fileMs`: time span of one
   * file, a multiple of the 2-hour block (larger files import faster with a matching
   * `--max-block-duration`); default one file per block.
   */
  constructor(
    private readonly dir: string,
    only?: readonly string[],
    fileMs: number = TSDB_BLOCK_MS
  ) {
    mkdirSync(dir, { recursive: true });
    this.only = only ? new Set(only) : undefined;
    if (!(fileMs >= TSDB_BLOCK_MS && fileMs % TSDB_BLOCK_MS === 0 && 86_400_000 % fileMs === 0)) {
      throw new RangeError(`OpenMetricsWriter: a file spans 2, 4, 6, 8, 12 or 24 hours (got ${fileMs} ms)`);
    }
    this.fileMs = fileMs;
  }

  /** Series in the last scrape (a registry never drops a series, so: every series written). */
  get series(): number {
    return this.lastScrapeSamples;
  }

  /** Append one scrape of `registry` at `time` (epoch ms). Scrapes must come in time order. */
  async writeRegistry(registry: Registry, time: number): Promise<void> {
    const block = Math.floor(time / this.fileMs);
    if (block !== this.currentBlock) {
      this.openBlock(block);
    }
    const suffix = Buffer.from(` ${Math.floor(time / 1000)}\n`);
    let samples = 0;
    for (const metric of registry.getMetricsAsArray() as unknown as ExportableMetric[]) {
      if (this.only && !this.only.has((metric as unknown as { name: string }).name)) {
        continue;
      }
      const histogram = histogramInternals(metric);
      if (histogram) {
        samples += this.writeHistogram(histogram, suffix);
        continue;
      }
      const data = metric.getForPromString ? await metric.getForPromString() : await metric.get();
      const cache = this.cacheOf(data.name);
      let group: SeriesLines | undefined;
      let groupKey: object | undefined;
      let index = 0;
      for (const v of data.values) {
        // Histogram values come grouped per series (buckets, +Inf, _sum, _count); others are one per series.
        const key = v.sharedLabels ?? v.labels ?? EMPTY;
        if (key !== groupKey) {
          groupKey = key;
          index = 0;
          group = cache.get(key);
          if (group === undefined) {
            group = {
              base: v.sharedLabels
                ? openSeries('', v.sharedLabels).slice(1)
                : `${openSeries(data.name, key as Record<string, unknown>)}}`,
              prefixes: [],
            };
            cache.set(key, group);
          }
        }
        const g = group!;
        const prefix = (g.prefixes[index] ??= encodePrefix(
          v.sharedLabels ? histogramSeries(v.metricName ?? data.name, g.base, v.labels?.le) : g.base
        ));
        index++;
        this.writeLine(prefix, v.value, suffix);
        samples++;
      }
    }
    this.samples += samples;
    this.lastScrapeSamples = samples;
  }

  close(): void {
    this.closeBlock();
  }

  private cacheOf(name: string): WeakMap<object, SeriesLines> {
    let cache = this.lines.get(name);
    if (cache === undefined) {
      cache = new WeakMap();
      this.lines.set(name, cache);
    }
    return cache;
  }

  /** Every series of a histogram: cumulative buckets, +Inf, _sum and _count, as prom-client exposes them. */
  private writeHistogram(h: HistogramInternals, suffix: Buffer): number {
    const cache = this.cacheOf(h.name);
    const bounds = h.upperBounds;
    // bucketValues is keyed by the bound as a string: convert once, not per series and scrape.
    const keys = this.boundKeys(h);
    let samples = 0;
    for (const entry of Object.values(h.hashMap)) {
      let group = cache.get(entry.labels);
      if (group === undefined) {
        group = { base: openSeries('', entry.labels).slice(1), prefixes: [] };
        cache.set(entry.labels, group);
      }
      let cumulative = 0;
      for (let i = 0; i <= bounds.length + 2; i++) {
        let value: number;
        if (i < bounds.length) {
          cumulative += (entry.bucketValues as Record<string, number>)[keys[i]!] ?? 0;
          value = cumulative;
        } else {
          value = i === bounds.length + 1 ? entry.sum : entry.count;
        }
        let prefix = group.prefixes[i];
        if (prefix === undefined) {
          const name =
            i <= bounds.length ? `${h.name}_bucket` : i === bounds.length + 1 ? `${h.name}_sum` : `${h.name}_count`;
          const le = i < bounds.length ? bounds[i] : i === bounds.length ? '+Inf' : undefined;
          prefix = encodePrefix(histogramSeries(name, group.base, le));
          group.prefixes[i] = prefix;
        }
        this.writeLine(prefix, value, suffix);
        samples++;
      }
    }
    return samples;
  }

  private readonly bucketKeys = new WeakMap<object, string[]>();

  private boundKeys(h: HistogramInternals): string[] {
    let keys = this.bucketKeys.get(h);
    if (keys === undefined) {
      keys = h.upperBounds.map(String);
      this.bucketKeys.set(h, keys);
    }
    return keys;
  }

  private writeLine(prefix: Buffer, value: number, suffix: Buffer): void {
    if (this.used > BUFFER_BYTES - LINE_ROOM) {
      this.drain();
    }
    const buffer = this.buffer;
    buffer.set(prefix, this.used);
    this.used += prefix.length;
    if (Number.isInteger(value) && value >= 0 && value < 1e15) {
      // Counts are most values: their digits, without a string in between.
      let digits = 1;
      for (let x = value; x >= 10; x = Math.floor(x / 10)) {
        digits++;
      }
      for (let at = this.used + digits - 1, x = value; at >= this.used; at--) {
        const next = Math.floor(x / 10);
        buffer[at] = 48 + (x - next * 10);
        x = next;
      }
      this.used += digits;
    } else {
      this.used += buffer.utf8Write(formatValue(value), this.used);
    }
    buffer.set(suffix, this.used);
    this.used += suffix.length;
  }

  private openBlock(block: number): void {
    this.closeBlock();
    const name = `${new Date(block * this.fileMs).toISOString().slice(0, 13).replace(/[-:]/g, '')}.om`;
    const file = join(this.dir, name);
    this.fd = openSync(file, 'w');
    this.files.push(file);
    this.currentBlock = block;
    this.writeText(header(this.only));
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
    this.used += this.buffer.utf8Write(text, this.used);
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

const EMPTY = {};

function formatLe(le: unknown): string {
  return typeof le === 'number' ? formatValue(le) : String(le);
}

/** A histogram line's series: `le` appended to the series' labels for buckets, nothing for _sum / _count. */
function histogramSeries(name: string, base: string, le: unknown): string {
  if (le === undefined) {
    return `${name}{${base}}`;
  }
  return `${name}{${base}${base.length > 0 ? ',' : ''}le="${formatLe(le)}"}`;
}
