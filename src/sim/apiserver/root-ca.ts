// The cluster's root CA certificate as kube-root-ca.crt publishes it: a structurally valid
// self-signed X.509 v3 certificate in PEM, deterministic from the seed (the kube-system
// namespace's uid and creation time), never a real key. Its shape is client-go's
// cert.NewSelfSignedCACert, which kubeadm and k3s both use for their CAs: CN and SAN DNS name
// `kubernetes` (k3s: `k3s-server-ca@<unix time>`), valid for ten years from the boot,
// KeyUsage digitalSignature|keyEncipherment|keyCertSign and BasicConstraints CA:TRUE (both
// critical), a subject key identifier; kubeadm's key is RSA-2048 (sha256WithRSAEncryption), k3s's
// ECDSA P-256 (ecdsa-with-SHA256; its public point is computed from a seeded private scalar, so
// the key parses). The RSA modulus and both signatures are seeded random bytes: parsers accept
// the certificate, nothing verifies with it.
// [client-go util/cert/cert.go NewSelfSignedCACert; Go crypto/x509 buildCertExtensions order]
import type { Profile } from '../profiles';
import type { Rng } from '../runtime/interfaces';
import { createRng } from '../runtime/rng';
import { base64Encode } from './go-base64';
import type { Store } from './store';

const cache = new WeakMap<Store, string>();

/** The PEM of the cluster's CA (the same in every namespace; built once per cluster). */
export function rootCaPem(store: Store, profile: Profile): string {
  let pem = cache.get(store);
  if (pem === undefined) {
    // Fixed by the boot before any namespace exists (Store.caIdentity); a store nothing booted (unit
    // tests) reads kube-system as it is now.
    const id = store.caIdentity ?? store.get('Namespace', undefined, 'kube-system')?.metadata;
    const created = Date.parse(id?.creationTimestamp ?? '2026-01-01T00:00:00Z');
    pem = selfSignedCaPem(createRng(0).fork(`root-ca/${id?.uid ?? ''}`), created, profile.distro === 'k3s');
    cache.set(store, pem);
  }
  return pem;
}

function len(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 255);
  return [0x80 | out.length, ...out];
}

function tlv(tag: number, body: number[]): number[] {
  return [tag, ...len(body.length), ...body];
}

const seq = (...parts: number[][]) => tlv(0x30, parts.flat());

function oid(dotted: string): number[] {
  const [a, b, ...rest] = dotted.split('.').map(Number) as number[];
  const out = [(a as number) * 40 + (b as number)];
  for (const n of rest) {
    const bytes = [n & 127];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift(0x80 | (v & 127));
    out.push(...bytes);
  }
  return tlv(0x06, out);
}

/** A positive INTEGER from big-endian bytes (minimal: leading zeros dropped, a 0 before a high bit). */
function integer(bytes: number[]): number[] {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0 && ((bytes[i + 1] as number) & 0x80) === 0) i++;
  const b = bytes.slice(i);
  return tlv(0x02, (b[0] as number) & 0x80 ? [0, ...b] : b);
}

// NIST P-256 (SEC 2 secp256r1): the field prime, a = -3, the base point and its order.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: [bigint, bigint] = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];

const mod = (a: bigint): bigint => ((a % P) + P) % P;

function inverse(a: bigint): bigint {
  let [r0, r1, t0, t1] = [mod(a), P, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return mod(t0);
}

type Point = [bigint, bigint] | undefined; // undefined: the point at infinity

function add(p: Point, q: Point): Point {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1]) === 0n) return undefined;
  const l =
    p[0] === q[0]
      ? mod((3n * p[0] * p[0] - 3n) * inverse(2n * p[1]))
      : mod((q[1] - p[1]) * inverse(q[0] - p[0]));
  const x = mod(l * l - p[0] - q[0]);
  return [x, mod(l * (p[0] - x) - p[1])];
}

function be32(v: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 32; i++) out.unshift(Number((v >> BigInt(8 * i)) & 255n));
  return out;
}

/** X ‖ Y of k·G for the private scalar k (32 seeded bytes, reduced into [1, n-1]). */
function p256PublicPoint(seed: number[]): number[] {
  let k = 0n;
  for (const b of seed) k = (k << 8n) | BigInt(b);
  k = (k % (N - 1n)) + 1n;
  let r: Point;
  let d: Point = G;
  for (; k > 0n; k >>= 1n) {
    if (k & 1n) r = add(r, d);
    d = add(d, d);
  }
  const q = r as [bigint, bigint];
  return [...be32(q[0]), ...be32(q[1])];
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** UTCTime YYMMDDHHMMSSZ (years before 2050, as Go's encoder picks). */
function utcTime(ms: number): number[] {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, ascii(s));
}

function bytes(rng: Rng, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(rng.int(256));
  return out;
}

/** Name: one RDN, CN as a PrintableString (Go uses PrintableString when every byte allows it). */
function name(cn: string): number[] {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(cn);
  return seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(printable ? 0x13 : 0x0c, ascii(cn)))));
}

export function selfSignedCaPem(rng: Rng, notBefore: number, k3s: boolean): string {
  const cn = k3s ? `k3s-server-ca@${Math.floor(notBefore / 1000)}` : 'kubernetes';
  const serial = bytes(rng, 8);
  serial[0] = (serial[0] as number) & 0x7f || 1; // cryptorand.Int below MaxInt64: positive
  let spki: number[];
  let sigAlg: number[];
  let signature: number[];
  if (k3s) {
    const q = p256PublicPoint(bytes(rng, 32));
    spki = seq(seq(oid('1.2.840.10045.2.1'), oid('1.2.840.10045.3.1.7')), tlv(0x03, [0, 0x04, ...q]));
    sigAlg = seq(oid('1.2.840.10045.4.3.2'));
    signature = seq(integer(bytes(rng, 32)), integer(bytes(rng, 32)));
  } else {
    const modulus = bytes(rng, 256);
    modulus[0] = (modulus[0] as number) | 0x80;
    modulus[255] = (modulus[255] as number) | 1;
    const rsaKey = seq(integer(modulus), integer([1, 0, 1]));
    spki = seq(seq(oid('1.2.840.113549.1.1.1'), [0x05, 0x00]), tlv(0x03, [0, ...rsaKey]));
    sigAlg = seq(oid('1.2.840.113549.1.1.11'), [0x05, 0x00]);
    signature = bytes(rng, 256);
  }
  const tenYears = 365 * 24 * 3600 * 1000 * 10;
  const ext = (id: string, critical: boolean, value: number[]) =>
    seq(oid(id), critical ? [0x01, 0x01, 0xff] : [], tlv(0x04, value));
  const extensions = seq(
    ext('2.5.29.15', true, [0x03, 0x02, 0x02, 0xa4]), // digitalSignature, keyEncipherment, keyCertSign
    ext('2.5.29.19', true, seq([0x01, 0x01, 0xff])), // CA:TRUE
    ext('2.5.29.14', false, tlv(0x04, bytes(rng, 20))),
    ext('2.5.29.17', false, seq(tlv(0x82, ascii(cn)))),
  );
  const tbs = seq(
    tlv(0xa0, integer([2])),
    integer(serial),
    sigAlg,
    name(cn),
    seq(utcTime(notBefore), utcTime(notBefore + tenYears)),
    name(cn),
    spki,
    tlv(0xa3, extensions),
  );
  const der = seq(tbs, sigAlg, tlv(0x03, [0, ...signature]));
  const b64 = base64Encode(Uint8Array.from(der));
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
