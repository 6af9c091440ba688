// CoreDNS's HTTP side answers the same on every distro: k3s runs the same binary from its mirror
// image (rancher/mirrored-coredns-coredns), so its health, ready and metrics endpoints are
// CoreDNS's, not the generic answer of an unknown image.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { drive } from '../testing/driver';
import { imageInfo } from './images';
import { execIn, podKeyFor, SLEEP } from './testkit';

describe('CoreDNS over HTTP', () => {
  it('recognises the CoreDNS images, mirrors included', () => {
    for (const image of [
      'registry.k8s.io/coredns/coredns:v1.12.1',
      'coredns/coredns:1.11.1',
      'rancher/mirrored-coredns-coredns:1.12.3',
    ])
      expect(imageInfo(image), image).toMatchObject({ app: 'coredns', tools: 'none' });
    expect(imageInfo('example.com/not-dns:1').app).toBe('generic');
  });

  for (const profile of ['docker-desktop', 'k3s'] as const)
    it(`${profile}: /ready on 8181 answers OK and /metrics is CoreDNS's`, () => {
      const d = drive({ seed: 1, profile }).applyOk(SLEEP('sleep-1')).advance(30_000);
      const dns = (d.cluster.list('Pod', { namespace: 'kube-system' }) as Pod[]).find((p) =>
        p.metadata.name.startsWith('coredns-'),
      );
      const ip = dns?.status.podIP;
      expect(ip).toBeDefined();
      const from = podKeyFor(d.cluster, 'sleep-1');
      expect(execIn(d.cluster, from, ['wget', '-qO-', `http://${ip}:8181/ready`]).stdout).toBe('OK');
      expect(execIn(d.cluster, from, ['wget', '-qO-', `http://${ip}:9153/metrics`]).stdout).toContain(
        '# TYPE coredns_build_info gauge\n',
      );
    });
});
