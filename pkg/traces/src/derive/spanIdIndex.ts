/**
 * Span id → position, for the two lookups per span that building a tree needs. Ids that are 16 lower-case hex
 * characters (every valid id after reading) are stored as two 32-bit halves in an open-addressing table:
 * no string hashing, no per-entry allocation. Anything else (an invalid id kept as given) goes to a Map.
 */
export class SpanIdIndex {
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly others = new Map<string, number>();

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) {
      capacity *= 2;
    }
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** The position stored for an id, or -1. */
  get(id: string): number {
    const hi = half(id, 0);
    const lo = half(id, 8);
    if (id.length !== 16 || hi === undefined || lo === undefined) {
      return this.others.get(id) ?? -1;
    }
    let slot = this.slotOf(hi, lo);
    while (this.values[slot] !== -1) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        return this.values[slot]!;
      }
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** Stores a position for an id not yet in the index (callers check with `get` first). */
  add(id: string, value: number): void {
    const hi = half(id, 0);
    const lo = half(id, 8);
    if (id.length !== 16 || hi === undefined || lo === undefined) {
      this.others.set(id, value);
      return;
    }
    let slot = this.slotOf(hi, lo);
    while (this.values[slot] !== -1) {
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.values[slot] = value;
  }

  private slotOf(hi: number, lo: number): number {
    return (Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask;
  }
}

/** Eight lower-case hex characters at `offset` as a 32-bit integer, or undefined when they are not. */
function half(id: string, offset: number): number | undefined {
  let value = 0;
  for (let i = offset; i < offset + 8; i++) {
    const c = id.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) {
      return undefined;
    }
    value = (value << 4) | digit;
  }
  return value;
}
