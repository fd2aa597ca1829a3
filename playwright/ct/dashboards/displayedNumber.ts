/** A number as a stat panel shows it, and how far from it the exact value can be given the digits shown. */
export interface DisplayedNumber {
  value: number;
  /** Half of the last digit shown, in the value's own unit: any exact value within it displays the same. */
  tolerance: number;
}

/** Grafana's scaled suffixes: `short` (K, Mil, Bil, Tri) and currencies (K, M, B, T). */
const SCALE: Readonly<Record<string, number>> = {
  '': 1,
  K: 1e3,
  M: 1e6,
  Mil: 1e6,
  B: 1e9,
  Bil: 1e9,
  T: 1e12,
  Tri: 1e12,
};

/**
 * Reads a big value as displayed ("12.3 K", "98.77%", "$1,234", "-0.5%") back into a number, independently of
 * Grafana's formatting code, so a test can compare it with Prometheus' answer. Undefined when it is not a number.
 */
export function parseDisplayedNumber(text: string): DisplayedNumber | undefined {
  const match = /^([-+]?)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(K|Mil|M|Bil|B|Tri|T)?\s*(%)?$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [, sign, digits, suffix = '', percent] = match;
  const plain = digits!.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  const scale = SCALE[suffix]! * (percent ? 0.01 : 1);
  return {
    value: (sign === '-' ? -1 : 1) * Number(plain) * scale,
    tolerance: 0.5 * 10 ** -decimals * scale * (1 + 1e-9),
  };
}
