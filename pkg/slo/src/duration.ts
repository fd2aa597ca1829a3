/** Prometheus durations (`5m`, `1h30m`, `30d`) ↔ seconds. */

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
const DURATION = /^(\d+[smhdwy])+$/;

export function isDuration(text: string): boolean {
  return DURATION.test(text);
}

export function durationSeconds(text: string): number {
  if (!isDuration(text)) {
    throw new Error(`not a Prometheus duration: "${text}" (expected e.g. 5m, 1h, 30d)`);
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhdwy])/g)) {
    total += Number(amount) * UNIT_SECONDS[unit!]!;
  }
  return total;
}

/** The shortest compound duration for a whole number of seconds, e.g. 86399 → `23h59m59s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new Error(`cannot format ${seconds} s as a Prometheus duration`);
  }
  let rest = seconds;
  let out = '';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_SECONDS[unit]!;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
