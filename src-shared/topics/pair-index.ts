/**
 * A map from a pair of non-negative 32-bit integers to a non-negative integer, in typed arrays
 * (open addressing, linear probing). A region's build looks pairs up tens of millions of times
 * (a pair of stems → the pair's term id; a question and a term → its sums' slot); a `Map` per
 * first key costs an object each and scatters them over the heap, this holds them in three
 * arrays. Nothing is ever removed.
 */
export class PairIndex {
  private firsts: Int32Array;
  private seconds: Int32Array;
  /** The value + 1 (0: an empty place). */
  private values: Int32Array;
  private mask: number;
  /** Pairs held. */
  size = 0;

  constructor(capacity = 1 << 10) {
    let places = 16;
    while (places < capacity * 2) places *= 2;
    this.firsts = new Int32Array(places);
    this.seconds = new Int32Array(places);
    this.values = new Int32Array(places);
    this.mask = places - 1;
  }

  /** Where the pair is, or the empty place where it would go. */
  private place(a: number, b: number): number {
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    i = (i ^ (i >>> 15)) & this.mask;
    const { firsts, seconds, values, mask } = this;
    while (values[i] !== 0 && (firsts[i] !== a || seconds[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** The pair's value, or -1. */
  get(a: number, b: number): number {
    return this.values[this.place(a, b)]! - 1;
  }

  /** Holds the pair with `value` (a pair not held yet: `get` gave -1). */
  add(a: number, b: number, value: number) {
    if (!(Number.isInteger(value) && value >= 0 && value < 0x7fffffff))
      throw new RangeError(`PairIndex holds non-negative integers, not ${value}`);
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    const i = this.place(a, b);
    if (this.values[i] !== 0) throw new Error(`PairIndex already holds (${a}, ${b})`);
    this.firsts[i] = a;
    this.seconds[i] = b;
    this.values[i] = value + 1;
    this.size++;
  }

  private grow() {
    const { firsts, seconds, values } = this;
    const places = values.length * 2;
    this.firsts = new Int32Array(places);
    this.seconds = new Int32Array(places);
    this.values = new Int32Array(places);
    this.mask = places - 1;
    for (let j = 0; j < values.length; j++) {
      if (values[j] === 0) continue;
      const i = this.place(firsts[j]!, seconds[j]!);
      this.firsts[i] = firsts[j]!;
      this.seconds[i] = seconds[j]!;
      this.values[i] = values[j]!;
    }
  }
}
