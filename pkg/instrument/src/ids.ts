import type { IdGenerator } from '@opentelemetry/sdk-trace-base';

const HEX = '0123456789abcdef';

function hexFrom(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += HEX[Math.floor(random() * 16) & 15];
  }
  // An all-zero id is invalid in W3C trace context.
  return /^0+$/.test(out) ? out.slice(0, -1) + '1' : out;
}

/** Trace and span ids from a caller-supplied random source, so a seeded backfill is reproducible. */
export class SeededIdGenerator implements IdGenerator {
  constructor(private readonly random: () => number) {}

  generateTraceId(): string {
    return hexFrom(this.random, 32);
  }

  generateSpanId(): string {
    return hexFrom(this.random, 16);
  }
}
