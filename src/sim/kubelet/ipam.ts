// host-local IPAM per node: addresses are handed out sequentially from the node's pod CIDR,
// starting after the last one handed out (wrapping around), skipping the network address, the
// gateway (.1) and the broadcast address. So a replacement Pod gets the next free IP, not the one
// just released (§C3: 10.1.0.29 → 10.1.0.31).
import { intToIp, parseCidr } from '../apiserver/allocators';

export class NodeIpam {
  private readonly base: number;
  private readonly size: number;
  private last: number; // offset of the last address handed out
  private readonly used = new Set<number>();

  constructor(readonly cidr: string) {
    const c = parseCidr(cidr);
    this.base = c.base;
    this.size = c.size;
    this.last = 1; // the gateway; the first Pod gets .2
  }

  allocate(): string | undefined {
    const first = 2;
    const lastUsable = this.size - 2;
    const span = lastUsable - first + 1;
    if (span <= 0) return undefined;
    for (let i = 1; i <= span; i++) {
      const off = first + ((this.last - first + i) % span);
      if (!this.used.has(off)) {
        this.used.add(off);
        this.last = off;
        return intToIp((this.base + off) >>> 0);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    this.used.delete(this.offset(ip));
  }

  /**
   * Mark an address held by a sandbox that already exists (an adopted Pod) without moving the
   * cursor. False when it is outside the usable range or already held.
   */
  reserve(ip: string): boolean {
    const n = this.offset(ip);
    if (n < 2 || n > this.size - 2 || this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  /**
   * An address for a Pod leased before the chapter: the highest free one in the range's first
   * /24 (host-local's cursor, after days of uptime, is anywhere; the top keeps it off the
   * sequence the chapter's own Pods follow from .2).
   */
  topFree(): string | undefined {
    for (let off = Math.min(254, this.size - 2); off >= 2; off--)
      if (!this.used.has(off)) return intToIp((this.base + off) >>> 0);
    return undefined;
  }

  private offset(ip: string): number {
    const parts = ip.split('.').map(Number);
    return (
      ((((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0) -
      this.base
    );
  }

  get inUse(): number {
    return this.used.size;
  }
}
