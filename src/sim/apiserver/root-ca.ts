// The cluster's root CA certificate as kube-root-ca.crt publishes it: a structurally valid
// self-signed X.509 v3 certificate in PEM, deterministic from the seed (the kube-system
// namespace's uid and creation time), never a real key. Its shape is client-go's
// cert.NewSelfSignedCACert, which kubeadm and k3s both use for their CAs: CN and SAN DNS name
// `kubernetes` (k3s: `k3s-server-ca@<unix time>`), valid for ten years from the boot,
// KeyUsage digitalSignature|keyEncipherment|keyCertSign and BasicConstraints CA:TRUE (both
// critical), a subject key identifier, sha256WithRSAEncryption over an RSA-2048 key. The modulus
// and signature are seeded random bytes: parsers accept it, nothing verifies with it.
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
    const ks = store.get('Namespace', undefined, 'kube-system');
    const created = Date.parse(ks?.metadata.creationTimestamp ?? '2026-01-01T00:00:00Z');
    pem = selfSignedCaPem(
      createRng(0).fork(`root-ca/${ks?.metadata.uid ?? ''}`),
      created,
      profile.distro === 'k3s',
    );
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

/** A positive INTEGER from big-endian bytes (a leading 0 when the top bit is set). */
function integer(bytes: number[]): number[] {
  return tlv(0x02, (bytes[0] as number) & 0x80 ? [0, ...bytes] : bytes);
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
  const modulus = bytes(rng, 256);
  modulus[0] = (modulus[0] as number) | 0x80;
  modulus[255] = (modulus[255] as number) | 1;
  const rsaKey = seq(integer(modulus), integer([1, 0, 1]));
  const spki = seq(seq(oid('1.2.840.113549.1.1.1'), [0x05, 0x00]), tlv(0x03, [0, ...rsaKey]));
  const sigAlg = seq(oid('1.2.840.113549.1.1.11'), [0x05, 0x00]);
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
  const der = seq(tbs, sigAlg, tlv(0x03, [0, ...bytes(rng, 256)]));
  const b64 = base64Encode(Uint8Array.from(der));
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
