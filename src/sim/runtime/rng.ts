// Seeded PRNG (sfc32) forked per subsystem. Each fork is seeded from a hash of the seed and the
// fork path only, so `fork('pod-names')` yields the same stream however many numbers other
// subsystems have drawn (ARCHITECTURE.md "Determinism").
import type { Rng } from './interfaces';

/** cyrb128: a small string hash giving four 32-bit words for sfc32's state. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(
    private readonly path: string,
    seedWords: [number, number, number, number],
  ) {
    [this.a, this.b, this.c, this.d] = seedWords;
    // Discard the first outputs: sfc32 mixes poorly for a few rounds.
    for (let i = 0; i < 12; i++) this.u32();
  }
  /** The next 32-bit output, unsigned: what `next() * 2³²` is, exactly (word32, hexCodes). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /**
   * hexCodes for this stream: `count` outputs' top four bits as hex character codes into `out`
   * from `at`, the state kept in locals for the run (the same outputs as `count` u32() calls).
   */
  hexInto(out: number[], at: number, count: number): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < count; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[at + i] = HEX_CODES[t >>> 28] as number;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
  next(): number {
    return this.u32() / 4294967296;
  }
  int(n: number): number {
    if (!(n > 0)) return 0;
    return Math.floor(this.next() * n);
  }
  fork(name: string): Rng {
    const path = `${this.path}/${name}`;
    return new Sfc32(path, cyrb128(path));
  }
}

export function createRng(seed: number): Rng {
  const path = `seed:${seed}`;
  return new Sfc32(path, cyrb128(path));
}

const HEX_DIGITS = '0123456789abcdef';

/**
 * The low `len` hex digits of a 32-bit unsigned integer, zero-padded: what
 * `n.toString(16).padStart(len, '0').slice(-len)` gives, without Number#toString's slow radix path
 * (every uid, Event name and container ID goes through here).
 */
export function hexDigits(n: number, len: number): string {
  let s = '';
  for (let shift = (len - 1) * 4; shift >= 0; shift -= 4) s += HEX_DIGITS[(n >>> shift) & 15];
  return s;
}

/** One lowercase hex digit for 0 ≤ d < 16. */
export function hexDigit(d: number): string {
  return HEX_DIGITS[d] as string;
}

/** A uniform 32-bit unsigned integer from the stream's next() (one draw). */
export function word32(rng: Rng): number {
  // sfc32's next() is its 32-bit output over 2³², so this is that output, read without the division.
  if (rng instanceof Sfc32) return rng.u32();
  return Math.floor(rng.next() * 4294967296) >>> 0;
}

/**
 * Writes `count` random lowercase hex digits, as character codes, into `out` from `at`: one draw
 * of `rng.int(16)` each (for sfc32 that is the output's top four bits, read as such).
 */
export function hexCodes(rng: Rng, out: number[], at: number, count: number): void {
  if (rng instanceof Sfc32) {
    rng.hexInto(out, at, count);
    return;
  }
  for (let i = 0; i < count; i++) out[at + i] = HEX_CODES[rng.int(16)] as number;
}

/**
 * Positions in a stream of 32-bit words (word32 of `rng`, which nothing else draws from), handed
 * out before the words are drawn: `take` is a counter, and the words are drawn, in order, only
 * when one at or beyond a position is first read (`at`), then kept. A position reads the same word
 * however early or late it is read, so a record can keep its position and spell what the words
 * make (an Event's uid) when something reads it: recording 31,000 Events draws no word.
 */
export class LazyWords {
  private words = new Uint32Array(0);
  private drawn = 0;
  private taken = 0;
  constructor(private readonly rng: Rng) {}
  /** The position of the next `n` words (drawn when read). */
  take(n: number): number {
    const p = this.taken;
    this.taken = p + n;
    return p;
  }
  /** The word at position `i` (a position `take` handed out). */
  at(i: number): number {
    if (i >= this.drawn) {
      if (i >= this.taken) throw new Error(`word ${i} was not taken`);
      let w = this.words;
      if (this.taken > w.length) {
        w = new Uint32Array(Math.max(64, this.taken * 2));
        w.set(this.words.subarray(0, this.drawn));
        this.words = w;
      }
      while (this.drawn <= i) w[this.drawn++] = word32(this.rng);
    }
    return this.words[i] as number;
  }
}

/** Random version-4 UUID from the given stream (metadata.uid). */
export function uuid(rng: Rng): string {
  const a = word32(rng);
  const b = word32(rng);
  const c = word32(rng);
  const d = word32(rng);
  return uuidOf(a, b, c, d);
}

/** The version-4 UUID `uuid` spells from these four words (drawn in this order). */
export function uuidOf(a: number, b: number, c: number, d: number): string {
  // Built as one flat string from character codes: a template literal of eleven pieces is a tree
  // of cons-strings that stays in memory with every stored object (30,000 Events alone). Each
  // digit written at its place (no loop per group: a call per group cost ~230 instructions, more
  // than the digits); the dashes and the version digit are fixed in UUID_CODES.
  const u = UUID_CODES;
  const h = HEX_CODES;
  u[0] = h[a >>> 28] as number;
  u[1] = h[(a >>> 24) & 15] as number;
  u[2] = h[(a >>> 20) & 15] as number;
  u[3] = h[(a >>> 16) & 15] as number;
  u[4] = h[(a >>> 12) & 15] as number;
  u[5] = h[(a >>> 8) & 15] as number;
  u[6] = h[(a >>> 4) & 15] as number;
  u[7] = h[a & 15] as number;
  u[9] = h[b >>> 28] as number;
  u[10] = h[(b >>> 24) & 15] as number;
  u[11] = h[(b >>> 20) & 15] as number;
  u[12] = h[(b >>> 16) & 15] as number;
  u[15] = h[(b >>> 8) & 15] as number;
  u[16] = h[(b >>> 4) & 15] as number;
  u[17] = h[b & 15] as number;
  u[19] = h[8 | ((c >>> 28) & 3)] as number;
  u[20] = h[(c >>> 24) & 15] as number;
  u[21] = h[(c >>> 20) & 15] as number;
  u[22] = h[(c >>> 16) & 15] as number;
  u[24] = h[(c >>> 12) & 15] as number;
  u[25] = h[(c >>> 8) & 15] as number;
  u[26] = h[(c >>> 4) & 15] as number;
  u[27] = h[c & 15] as number;
  u[28] = h[d >>> 28] as number;
  u[29] = h[(d >>> 24) & 15] as number;
  u[30] = h[(d >>> 20) & 15] as number;
  u[31] = h[(d >>> 16) & 15] as number;
  u[32] = h[(d >>> 12) & 15] as number;
  u[33] = h[(d >>> 8) & 15] as number;
  u[34] = h[(d >>> 4) & 15] as number;
  u[35] = h[d & 15] as number;
  return String.fromCharCode.apply(null, u);
}

/**
 * `s` as one flat string (no cons-string tree kept alive by whatever stores it). Converting it to
 * a number makes V8 flatten it in place: the tree's root then points at one flat copy, made by
 * the engine in one pass (and the collector drops the root), where copying the characters through
 * an array here cost ~1 µs for an Event message. The value is the same string either way.
 */
export function flat(s: string): string {
  if (s.length < 13) return s; // V8 makes strings this short flat already
  Number(s);
  return s;
}
/** xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx: the dashes and the version digit never change. */
const UUID_CODES = Array.from('00000000-0000-4000-0000-000000000000', (ch) => ch.charCodeAt(0));
const HEX_CODES = Array.from(HEX_DIGITS, (ch) => ch.charCodeAt(0));
