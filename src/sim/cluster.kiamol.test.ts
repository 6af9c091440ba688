// The book's chapter-3 manifests (test data from ../shared/kiamol-ch03) apply cleanly and their
// Deployments become available; the walkthrough's Service swaps behave as on a real cluster.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod } from './api/types';
import { drive } from './testing/driver';

const ROOT = resolve(__dirname, '../../../shared/kiamol-ch03');
const present = existsSync(ROOT);
const DIRS = ['sleep', 'numbers', 'numbers-services', 'lab'];

const files = present
  ? DIRS.flatMap((d) =>
      readdirSync(join(ROOT, d))
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => `${d}/${f}`),
    )
  : [];

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe.skipIf(!present)(`kiamol ch03 manifests (${ROOT})`, () => {
  it('finds the manifests', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const f of files) {
    it(`applies ${f}`, () => {
      const d = drive({ seed: 3 }).apply(read(f), { source: f });
      expect(d.lastApply.length).toBeGreaterThan(0);
      for (const o of d.lastApply) {
        expect(o.result.ok ? o.result.op : o.result.error.message).toBe('created');
      }
      d.advance(20_000);
      for (const dep of d.cluster.list('Deployment', { namespace: 'default' })) {
        expect(dep.status.availableReplicas).toBe(dep.spec.replicas);
      }
    });
  }

  it('walkthrough: pods, Services, the ExternalName and "headless" swaps, NodePort 30080', () => {
    const d = drive({ seed: 9 });
    d.applyOk(read('sleep/sleep1.yaml')).applyOk(read('sleep/sleep2.yaml')).advance(10_000);
    expect((d.pods() as Pod[]).every((p) => p.status.phase === 'Running')).toBe(true);
    d.applyOk(read('sleep/sleep2-service.yaml'));
    const ip = d.get('Service', 'sleep-2')?.spec.clusterIP as string;
    expect(ip).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(ip.startsWith('10.96.0.')).toBe(false);

    d.applyOk(read('numbers/api.yaml'))
      .applyOk(read('numbers/web.yaml'))
      .applyOk(read('numbers/api-service.yaml'));
    d.applyOk(read('numbers/web-service.yaml')).advance(20_000);
    const web = d.get('Service', 'numbers-web');
    expect(web?.status.loadBalancer.ingress).toEqual([{ hostname: 'localhost' }]);

    d.delete('Service', 'numbers-api');
    d.applyOk(read('numbers-services/api-service-externalName.yaml'));
    expect(d.get('Service', 'numbers-api')?.spec.clusterIP).toBeUndefined();
    d.delete('Service', 'numbers-api');
    d.applyOk(read('numbers-services/api-service-headless.yaml'), {
      source: 'numbers-services/api-service-headless.yaml',
    });
    expect(d.lastApply.map((o) => o.warnings)).toEqual([
      [],
      ['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'],
    ]);
    expect(d.get('Service', 'numbers-api')?.spec.clusterIP).toMatch(/^10\./);
    d.advance(1000);
    expect(d.get('Endpoints', 'numbers-api')).toBeDefined();

    d.applyOk(read('numbers-services/web-service-nodePort.yaml'));
    expect(d.get('Service', 'numbers-web-node')?.spec.ports[0].nodePort).toBe(30080);

    // Cleanup as in §A3.31: deployments go, Services go, kubernetes comes back.
    for (const dep of d.cluster.list('Deployment', { namespace: 'default' }))
      d.delete('Deployment', dep.metadata.name);
    for (const s of d.cluster.list('Service', { namespace: 'default' })) d.delete('Service', s.metadata.name);
    d.advance(30_000);
    expect(d.pods()).toHaveLength(0);
    expect(d.cluster.list('Service', { namespace: 'default' }).map((s) => s.metadata.name)).toEqual([
      'kubernetes',
    ]);
    expect(d.get('Service', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
  });
});
