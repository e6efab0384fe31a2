// A Bloom filter of duplicate keys (customer_keys' kind + value) for the import: nearly every key
// of a new row is in neither the database nor the earlier rows, so the exact SELECT (up to 3 per
// row, ~0.9 s per 100k rows) runs only on a "maybe". It never says "no" for a key it was given,
// so the duplicates found stay exactly those the SELECT finds. ~10 bits per key (1% false
// "maybe"): 2.6M keys take ~4 MB, where a Set of the key strings would take ~150 MB at 1M rows.
// Scalable: when a layer is full a twice larger one is added, so the file's size need not be known.
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';

const HASHES = 7;
const BITS_PER_KEY = 10;
const FIRST_CAPACITY = 1 << 16;

/** Two 32-bit hashes of the string in one pass (FNV-1a and a multiplicative one), for double hashing. */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return [a >>> 0, (b ^ (b >>> 16)) | 1];
}

class Layer {
  readonly bits: Uint32Array;
  private readonly mask: number;
  count = 0;

  constructor(readonly capacity: number) {
    // A power of two of bits: the position is a mask, not a modulo.
    let size = 32;
    while (size < capacity * BITS_PER_KEY) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  add(h1: number, h2: number): void {
    for (let i = 0; i < HASHES; i += 1) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count += 1;
  }

  has(h1: number, h2: number): boolean {
    for (let i = 0; i < HASHES; i += 1) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

export class KeyFilter {
  private readonly layers: Layer[];

  constructor(expected = 0) {
    this.layers = [new Layer(Math.max(FIRST_CAPACITY, expected * 2))];
  }

  /** Every key the database holds (one pass over customer_keys, values only). */
  static load(sqlite: Sqlite): KeyFilter {
    const count = sqlite.prepare('SELECT count(*) FROM customer_keys').pluck().get() as number;
    const filter = new KeyFilter(count);
    const rows = sqlite.prepare('SELECT kind, value FROM customer_keys').raw().iterate() as Iterable<[string, string]>;
    for (const [kind, value] of rows) filter.add(kind, value);
    return filter;
  }

  add(kind: string, value: string): void {
    let last = this.layers[this.layers.length - 1]!;
    if (last.count >= last.capacity) this.layers.push((last = new Layer(last.capacity * 2)));
    const [h1, h2] = hashes(`${kind}\n${value}`);
    last.add(h1, h2);
  }

  /** False: the key was never added. True: it may have been (ask the database). */
  mayHave(kind: string, value: string): boolean {
    const [h1, h2] = hashes(`${kind}\n${value}`);
    return this.layers.some((l) => l.has(h1, h2));
  }
}
