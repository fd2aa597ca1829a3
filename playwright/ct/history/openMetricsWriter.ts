import { type WriteStream, createWriteStream } from 'node:fs';

export type Labels = Record<string, string>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/**
 * Streams an OpenMetrics file for `promtool tsdb create-blocks-from openmetrics`: families written
 * one after another, each series' samples in time order, timestamps in seconds, `# EOF` at the end.
 */
export class OpenMetricsWriter {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  samples = 0;

  constructor(file: string) {
    this.out = createWriteStream(file);
  }

  family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): void {
    this.line(`# TYPE ${name} ${type}`);
    this.line(`# HELP ${name} ${help.replace(/\n/g, ' ')}`);
  }

  sample(name: string, labels: Labels, value: number, timestampSeconds: number): void {
    this.samples++;
    this.line(`${name}${formatLabels(labels)} ${Number.isInteger(value) ? value : value.toFixed(6)} ${timestampSeconds}`);
  }

  private line(text: string): void {
    this.buffer.push(text);
    if (this.buffer.length >= 5000) {
      this.out.write(this.buffer.join('\n') + '\n');
      this.buffer = [];
    }
  }

  async close(): Promise<void> {
    this.buffer.push('# EOF');
    this.out.write(this.buffer.join('\n') + '\n');
    this.buffer = [];
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
