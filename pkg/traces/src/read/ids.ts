/**
 * Trace and span ids arrive as hex (OTLP JSON, Jaeger, sometimes upper case or without leading zeros) or as
 * base64 of the id's bytes (Tempo v1, protobuf JSON mapping). Everything is normalized to lower-case hex of
 * the id's full width.
 */

export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/\-_]+={0,2}$/;
const HEX_DIGITS = '0123456789abcdef';

const BASE64_VALUE = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) {
    table[alphabet.charCodeAt(i)] = i;
  }
  // URL-safe alphabet too.
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

/** Hex of the bytes that a base64 text encodes, or undefined when it does not decode to `bytes` bytes. */
export function base64ToHex(text: string, bytes: number): string | undefined {
  const body = text.replace(/=+$/, '');
  if ((body.length * 6) >> 3 !== bytes || !BASE64.test(text)) {
    return undefined;
  }
  let hex = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < body.length; i++) {
    const value = BASE64_VALUE[body.charCodeAt(i)];
    if (value === undefined || value < 0) {
      return undefined;
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      hex += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
    }
  }
  return hex;
}

/** Base64 (standard alphabet, padded) of a hex id: what Tempo v1 returns. */
export function hexToBase64(hex: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) {
    bytes.push(parseInt(hex.slice(i, i + 2), 16));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!;
    out += c === undefined ? '=' : alphabet[n & 63]!;
  }
  return out;
}

export type IdResult = { ok: true; id: string; zero: boolean } | { ok: false; id: string };

/**
 * Normalizes an id to lower-case hex of `bytes` bytes. Hex shorter than the width is left-padded (Jaeger
 * drops leading zeros of 64-bit trace ids); anything else that is base64 of exactly `bytes` bytes is decoded.
 * An id that is neither comes back as given, marked not ok.
 */
export function normalizeId(raw: string, bytes: number): IdResult {
  const width = bytes * 2;
  // Fast path, the usual case: already lower-case hex of full width (no regex, no new string).
  if (raw.length === width) {
    let zero = true;
    let i = 0;
    for (; i < width; i++) {
      const c = raw.charCodeAt(i);
      if (c === 48 /* 0 */) {
        continue;
      }
      zero = false;
      if (!((c > 48 && c <= 57) || (c >= 97 && c <= 102))) {
        break;
      }
    }
    if (i === width) {
      return { ok: true, id: raw, zero };
    }
  }
  if (raw.length > 0 && raw.length <= width && HEX.test(raw)) {
    const id = raw.length === width ? raw.toLowerCase() : raw.toLowerCase().padStart(width, '0');
    return { ok: true, id, zero: /^0+$/.test(id) };
  }
  const decoded = base64ToHex(raw, bytes);
  if (decoded !== undefined) {
    return { ok: true, id: decoded, zero: /^0+$/.test(decoded) };
  }
  return { ok: false, id: raw };
}
