// SHA-512 (FIPS 180-4 §6.4), for CoreDNS's reload plugin, which logs the SHA512 of the parsed
// Corefile at startup (plugin/reload/reload.go: sha512.Sum512). A compact synchronous pure-TS
// implementation like ./hash's sha256 (the core runs in the browser and may not use node:crypto),
// on 64-bit words as BigInt. The constants are derived as the standard defines them rather than
// transcribed: K is the first 64 bits of the fractional parts of the cube roots of the first 80
// primes (§4.2.3), the initial hash the same of the square roots of the first 8 primes (§5.3.5).
// Only code bound late imports this (kubectl logs of a CoreDNS Pod).

const MASK = (1n << 64n) - 1n;

/** floor(n^(1/k)) for k = 2 or 3, by Newton's method on integers. */
function iroot(n: bigint, k: 2n | 3n): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) break;
    x = y;
  }
  while (x ** k > n) x--;
  while ((x + 1n) ** k <= n) x++;
  return x;
}

let tables: { k: bigint[]; h: bigint[] } | undefined;

function constants(): { k: bigint[]; h: bigint[] } {
  if (tables) return tables;
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  tables = {
    k: primes.map((p) => iroot(BigInt(p) << 192n, 3n) & MASK),
    h: primes.slice(0, 8).map((p) => iroot(BigInt(p) << 128n, 2n) & MASK),
  };
  return tables;
}

const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & MASK;

/** SHA-512 of `msg`. */
export function sha512Bytes(msg: Uint8Array): Uint8Array {
  const { k, h: h0 } = constants();
  // Padding (§5.1.2): 0x80, zeros, then the 128-bit big-endian bit length.
  const total = Math.ceil((msg.length + 17) / 128) * 128;
  const buf = new Uint8Array(total);
  buf.set(msg);
  buf[msg.length] = 0x80;
  const view = new DataView(buf.buffer);
  view.setBigUint64(total - 8, BigInt(msg.length) * 8n);
  const h = [...h0];
  const w: bigint[] = new Array(80).fill(0n);
  for (let off = 0; off < total; off += 128) {
    for (let t = 0; t < 16; t++) w[t] = view.getBigUint64(off + t * 8);
    for (let t = 16; t < 80; t++) {
      const w15 = w[t - 15] as bigint;
      const w2 = w[t - 2] as bigint;
      const s0 = rotr(w15, 1n) ^ rotr(w15, 8n) ^ (w15 >> 7n);
      const s1 = rotr(w2, 19n) ^ rotr(w2, 61n) ^ (w2 >> 6n);
      w[t] = ((w[t - 16] as bigint) + s0 + (w[t - 7] as bigint) + s1) & MASK;
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & MASK & g);
      const t1 = (hh + S1 + ch + (k[t] as bigint) + (w[t] as bigint)) & MASK;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & MASK;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & MASK;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK;
    }
    const out = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as bigint) + (out[i] as bigint)) & MASK;
  }
  const digest = new Uint8Array(64);
  const dv = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) dv.setBigUint64(i * 8, h[i] as bigint);
  return digest;
}

/** Lower-case hex SHA-512 of the UTF-8 bytes of `text` (Go's `%x` of sha512.Sum512). */
export function sha512Hex(text: string): string {
  let s = '';
  for (const b of sha512Bytes(new TextEncoder().encode(text))) s += b.toString(16).padStart(2, '0');
  return s;
}
