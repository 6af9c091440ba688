// ClusterIP and NodePort allocation, as the API server does it at create time.
// [K8S pkg/registry/core/service/ipallocator, portallocator]
import type { Rng } from '../runtime/interfaces';

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return (
    (((parts[0] as number) << 24) |
      ((parts[1] as number) << 16) |
      ((parts[2] as number) << 8) |
      (parts[3] as number)) >>>
    0
  );
}

/**
 * The dotted form of `n` (`[a, b, c, d].join('.')`), built from its character codes in one call:
 * a flat string without the array and the four number-to-string conversions (every Pod's IP).
 */
export function intToIp(n: number): string {
  const buf = IP_BUF;
  let i = 0;
  for (let shift = 24; shift >= 0; shift -= 8) {
    const o = (n >>> shift) & 255;
    if (o >= 100) buf[i++] = 48 + ((o / 100) | 0);
    if (o >= 10) buf[i++] = 48 + (((o / 10) | 0) % 10);
    buf[i++] = 48 + (o % 10);
    if (shift > 0) buf[i++] = 46; // .
  }
  buf.length = i;
  return String.fromCharCode.apply(null, buf);
}
const IP_BUF: number[] = [];

export function parseCidr(cidr: string): { base: number; bits: number; size: number } {
  const [ip, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const raw = ipToInt(ip ?? '') ?? 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (raw & mask) >>> 0, bits, size: 2 ** (32 - bits) };
}

export type AllocResult = { ok: true; ip: string } | { ok: false; reason: 'range' | 'allocated' | 'full' };

/**
 * ClusterIP allocator. The usable range excludes the network and broadcast addresses; random
 * allocation avoids the static band, the lowest min(max(16, size/16), 256) addresses, which are
 * kept for explicit `clusterIP:` values (kubeadm pins kube-dns to .10). [calculateRangeOffset]
 */
export class ClusterIpAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly offset: number;
  private readonly used = new Set<number>();
  constructor(
    readonly cidr: string,
    private readonly rng: Rng,
  ) {
    const c = parseCidr(cidr);
    this.base = c.base;
    this.size = c.size;
    // A range of 16 or fewer addresses has no static band.
    this.offset = c.size <= 16 ? 1 : Math.min(Math.max(16, Math.floor(c.size / 16)), 256);
  }
  /** Index of the first address the random allocator may use. */
  get staticBand(): number {
    return this.offset;
  }
  allocate(): AllocResult {
    // Usable addresses are base+1 … base+size-2; random ones come from [offset, size-2].
    const lo = this.offset;
    const hi = this.size - 2;
    const span = hi - lo + 1;
    const start = this.rng.int(span);
    for (let i = 0; i < span; i++) {
      const idx = lo + ((start + i) % span);
      const ip = (this.base + idx) >>> 0;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return { ok: true, ip: intToIp(ip) };
      }
    }
    // Random band exhausted: fall back to the static band, as the real allocator does.
    for (let idx = 1; idx < lo; idx++) {
      const ip = (this.base + idx) >>> 0;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return { ok: true, ip: intToIp(ip) };
      }
    }
    return { ok: false, reason: 'full' };
  }
  allocateSpecific(ipText: string): AllocResult {
    const ip = ipToInt(ipText);
    if (ip === undefined || ip <= this.base || ip >= this.base + this.size - 1)
      return { ok: false, reason: 'range' };
    if (this.used.has(ip)) return { ok: false, reason: 'allocated' };
    this.used.add(ip);
    return { ok: true, ip: ipText };
  }
  release(ipText: string | undefined): void {
    if (!ipText) return;
    const ip = ipToInt(ipText);
    if (ip !== undefined) this.used.delete(ip);
  }
  has(ipText: string): boolean {
    const ip = ipToInt(ipText);
    return ip !== undefined && this.used.has(ip);
  }
  /** Whether the address is a usable one of the range (not the network or broadcast address). */
  inRange(ipText: string): boolean {
    const ip = ipToInt(ipText);
    return ip !== undefined && ip > this.base && ip < this.base + this.size - 1;
  }
  /** The range's network address (`10.96.0.0`): what a dry-run allocation hands out. */
  get network(): string {
    return intToIp(this.base);
  }
}

export type PortResult = { ok: true; port: number } | { ok: false; reason: 'range' | 'allocated' | 'full' };

/** NodePort allocator: 30000–32767; random picks avoid the static band 30000–30085. */
export class NodePortAllocator {
  readonly min = 30000;
  readonly max = 32767;
  private readonly offset: number;
  private readonly used = new Set<number>();
  constructor(private readonly rng: Rng) {
    const size = this.max - this.min + 1;
    this.offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
  }
  get staticBandEnd(): number {
    return this.min + this.offset - 1;
  }
  allocate(): PortResult {
    const lo = this.min + this.offset;
    const span = this.max - lo + 1;
    const start = this.rng.int(span);
    for (let i = 0; i < span; i++) {
      const p = lo + ((start + i) % span);
      if (!this.used.has(p)) {
        this.used.add(p);
        return { ok: true, port: p };
      }
    }
    for (let p = this.min; p < lo; p++) {
      if (!this.used.has(p)) {
        this.used.add(p);
        return { ok: true, port: p };
      }
    }
    return { ok: false, reason: 'full' };
  }
  allocateSpecific(port: number): PortResult {
    if (port < this.min || port > this.max) return { ok: false, reason: 'range' };
    if (this.used.has(port)) return { ok: false, reason: 'allocated' };
    this.used.add(port);
    return { ok: true, port };
  }
  release(port: number | undefined): void {
    if (port !== undefined) this.used.delete(port);
  }
  has(port: number): boolean {
    return this.used.has(port);
  }
}

/** What allocateService (services.ts) asks of a ClusterIP allocator: the real one or a dry run's. */
export interface IpAllocator {
  readonly cidr: string;
  allocate(): AllocResult;
  allocateSpecific(ipText: string): AllocResult;
  release(ipText: string | undefined): void;
}

/** What allocateService asks of a NodePort allocator: the real one or a dry run's. */
export interface PortAllocator {
  readonly min: number;
  readonly max: number;
  allocate(): PortResult;
  allocateSpecific(port: number): PortResult;
  release(port: number | undefined): void;
}
