// A fixed piece of the pod template's spew dump (./spew) that FNV-32a takes in O(1).
// One FNV-1a step is h' = (h ^ b)·P mod 2^32. As b < 256, h ^ b = h + d with d = (h&255 ^ b) - (h&255),
// so h' = h·P + d·P; and h'&255 depends on h&255 alone. Over a fixed string of L bytes, then,
// h_L = h·P^L + C[h&255]: one multiply and a 256-entry table (C[lo] = fnv(lo, s) - lo·P^L), built
// once a piece has been hashed a few times (it costs 256 passes). The bytes are ASCII characters.

const FNV_PRIME = 0x01000193;

function fnvAscii(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Below this length a piece is hashed byte by byte (its table would cost more than it saves). */
const TABLE_MIN = 24;
/** Uses hashed byte by byte before the table is built: one-off pieces never build one. */
const TABLE_AFTER = 8;

export class Piece {
  readonly s: string;
  private pl = 1;
  private table: Int32Array | undefined;
  private uses = 0;

  constructor(s: string) {
    this.s = s;
  }

  /** The FNV-32a state after `s`, from state `h`. */
  hash(h: number): number {
    const s = this.s;
    let t = this.table;
    if (!t) {
      if (s.length < TABLE_MIN || ++this.uses <= TABLE_AFTER) return fnvAscii(s, h) >>> 0;
      t = new Int32Array(256);
      for (let i = 0; i < s.length; i++) this.pl = Math.imul(this.pl, FNV_PRIME);
      for (let lo = 0; lo < 256; lo++) t[lo] = fnvAscii(s, lo) - Math.imul(lo, this.pl);
      this.table = t;
    }
    return (Math.imul(h, this.pl) + (t[h & 255] as number)) >>> 0;
  }
}
