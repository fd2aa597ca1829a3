import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC } from '@hybridlens/conventions';

/** promtool cuts history into blocks of this length; one file per block keeps its import single-pass. */
export const TSDB_BLOCK_MS = 2 * 3_600_000;

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

/**
 * Streams scrapes of a Prometheus registry into OpenMetrics files for
 * `promtool tsdb create-blocks-from openmetrics`: timestamps in seconds, `# EOF` at the end, one file
 * per 2-hour TSDB block (named by the block's start, UTC) so each import reads its file once.
 */
export class OpenMetricsWriter {
  private fd: number | undefined;
  private currentBlock = -1;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  readonly files: string[] = [];
  readonly seriesSeen = new Set<string>();
  samples = 0;
  bytes = 0;
  private scrapes = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /**
   * Append one scrape: `text` is the registry's text exposition, `time` the scrape time (epoch ms).
   * Scrapes must come in time order.
   */
  writeScrape(text: string, time: number): void {
    const block = Math.floor(time / TSDB_BLOCK_MS);
    if (block !== this.currentBlock) {
      this.openBlock(block);
    }
    const suffix = ` ${Math.floor(time / 1000)}\n`;
    // Counting distinct series costs a hash per line: sample every 16th scrape (series rarely appear once).
    const countSeries = this.scrapes++ % 16 === 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length;
      }
      if (end > start && text.charCodeAt(start) !== 35 /* '#' */) {
        const line = text.slice(start, end);
        this.push(line + suffix);
        this.samples++;
        if (countSeries && this.seriesSeen.size < 100_000) {
          this.seriesSeen.add(line.slice(0, line.lastIndexOf(' ')));
        }
      }
      start = end + 1;
    }
    if (this.bufferedBytes > 1 << 20) {
      this.drain();
    }
  }

  close(): void {
    this.closeBlock();
  }

  private openBlock(block: number): void {
    this.closeBlock();
    const name = `${new Date(block * TSDB_BLOCK_MS).toISOString().slice(0, 13).replace(/[-:]/g, '')}.om`;
    const file = join(this.dir, name);
    this.fd = openSync(file, 'w');
    this.files.push(file);
    this.currentBlock = block;
    this.push(header());
  }

  private closeBlock(): void {
    if (this.fd === undefined) {
      return;
    }
    this.push('# EOF\n');
    this.drain();
    closeSync(this.fd);
    this.fd = undefined;
  }

  private push(s: string): void {
    this.buffer.push(s);
    this.bufferedBytes += s.length;
  }

  private drain(): void {
    if (this.fd === undefined || this.buffer.length === 0) {
      return;
    }
    const chunk = this.buffer.join('');
    writeSync(this.fd, chunk);
    this.bytes += Buffer.byteLength(chunk);
    this.buffer = [];
    this.bufferedBytes = 0;
  }
}
