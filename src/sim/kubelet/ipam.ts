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
    const parts = ip.split('.').map(Number);
    const n =
      ((((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0) -
      this.base;
    this.used.delete(n);
  }

  get inUse(): number {
    return this.used.size;
  }
}
