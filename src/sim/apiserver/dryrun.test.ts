// Server-side dry run through the facade (contract.ts DryRunOption): the same answer and errors as
// the real write, and nothing changes — objects, resourceVersion counter, Events, ChangeBatches,
// allocations and the random streams later real writes draw from.
import { describe, expect, it } from 'vitest';
import { sleep1, sleep2, sleep2Service } from '../../scenarios/ch03/sleep';
import { KIND_NAMES } from '../api/kinds';
import type { K8sObject } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import type { ApiResult, ChangeBatch } from '../contract';
import { rfc3339 } from '../runtime/clock';
import { parseManifests } from '../yaml';

function docs(yaml: string): unknown[] {
  const p = parseManifests(yaml, 'test.yaml');
  if (!p.ok) throw new Error(p.error.message);
  return p.docs;
}

function doc(yaml: string): unknown {
  return docs(yaml)[0];
}

/** Everything a dry run must leave alone, as one comparable value. */
function snapshot(c: SimCluster) {
  return {
    objects: JSON.stringify(KIND_NAMES.map((k) => c.list(k))),
    revision: c.internals.store.revision,
    events: c.list('Event').length,
    now: c.now(),
  };
}

/** Run `fn` and return what subscribers heard meanwhile. */
function batchesDuring(c: SimCluster, fn: () => void): ChangeBatch[] {
  const seen: ChangeBatch[] = [];
  const off = c.subscribe((b) => seen.push(b));
  fn();
  off();
  return seen;
}

const NODEPORT_SVC = `apiVersion: v1
kind: Service
metadata:
  name: np
spec:
  type: NodePort
  selector:
    app: x
  ports:
  - name: a
    port: 80
  - name: b
    port: 81
`;

const GEN_POD = `apiVersion: v1
kind: Pod
metadata:
  generateName: gen-
spec:
  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

function ok(r: ApiResult): K8sObject {
  if (!r.ok) throw new Error(r.error.message);
  return r.object;
}

describe('server-side dry run', () => {
  it('apply of new objects: created, with uid and creationTimestamp, no resourceVersion; nothing stored', () => {
    const c = createCluster({ seed: 3 });
    const before = snapshot(c);
    let out: ReturnType<SimCluster['apply']> = [];
    const batches = batchesDuring(c, () => {
      out = c.apply(docs(`${sleep2}\n---\n${sleep2Service}`), { dryRun: true });
    });
    expect(out.map((o) => (o.result.ok ? o.result.op : o.result.error.message))).toEqual([
      'created',
      'created',
    ]);
    const dep = out[0]?.result.ok ? out[0].result.object : undefined;
    expect(dep?.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(dep?.metadata.creationTimestamp).toBe(rfc3339(c.now()));
    expect(Object.hasOwn(dep?.metadata ?? {}, 'resourceVersion')).toBe(false);
    expect(dep?.metadata.generation).toBe(1);
    expect(dep?.spec).toMatchObject({ replicas: 1 }); // defaulted
    const svc = out[1]?.result.ok ? out[1].result.object : undefined;
    // The dry-run allocator answers the range's network address (10.96.0.0/16 on docker-desktop).
    expect(svc?.spec).toMatchObject({ clusterIP: '10.96.0.0', clusterIPs: ['10.96.0.0'] });
    expect(snapshot(c)).toEqual(before);
    expect(batches).toEqual([]);
    expect(c.get('Deployment', 'default', 'sleep-2')).toBeUndefined();
    expect(c.internals.api.allocators.ips.has('10.96.0.0')).toBe(false);
  });

  it('never shifts the names, uids and addresses of later real writes (determinism)', () => {
    const run = (dry: boolean) => {
      const c = createCluster({ seed: 11 });
      if (dry) {
        c.apply(docs(`${sleep1}\n---\n${sleep2Service}\n---\n${NODEPORT_SVC}`), { dryRun: true });
        // The facade's create needs a name (as kubectl create's does here): straight to the API.
        ok(c.internals.api.create(doc(GEN_POD) as K8sObject, { dryRun: true }));
      }
      c.apply(docs(`${sleep1}\n---\n${sleep2Service}\n---\n${NODEPORT_SVC}`));
      ok(c.internals.api.create(doc(GEN_POD) as K8sObject));
      c.advance(20_000);
      return JSON.stringify(
        ['Pod', 'Service', 'ReplicaSet', 'Deployment', 'Event'].map((k) =>
          c.list(k as 'Pod').map((o) => [o.metadata.name, o.metadata.uid, o.spec, o.status]),
        ),
      );
    };
    expect(run(true)).toBe(run(false));
  });

  it('generateName, the token volume and the uid of a dry run come from a stream of their own', () => {
    const c = createCluster({ seed: 5 });
    const a = ok(c.internals.api.create(doc(GEN_POD) as K8sObject, { dryRun: true }));
    const b = ok(c.internals.api.create(doc(GEN_POD) as K8sObject, { dryRun: true }));
    expect(a.metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(a.metadata.name).not.toBe(b.metadata.name);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    const vols = (a.spec as { volumes?: { name: string }[] }).volumes ?? [];
    expect(vols.map((v) => v.name)).toEqual([expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/)]);
    expect(c.list('Pod', { namespace: 'default' })).toEqual([]);
  });

  it('NodePort Service: dummy node ports from 32769 up, nothing reserved', () => {
    const c = createCluster({ seed: 3 });
    const before = snapshot(c);
    const s = ok(c.create(doc(NODEPORT_SVC), { dryRun: true }));
    const ports = (s.spec as { ports: { nodePort: number }[] }).ports.map((p) => p.nodePort);
    expect(ports).toEqual([32769, 32770]);
    expect(snapshot(c)).toEqual(before);
    const real = ok(c.create(doc(NODEPORT_SVC)));
    for (const p of (real.spec as { ports: { nodePort: number }[] }).ports) {
      expect(p.nodePort).toBeGreaterThanOrEqual(30000);
      expect(p.nodePort).toBeLessThanOrEqual(32767);
    }
  });

  it('a requested node port in use fails as the real create does; an address in use does not (range only)', () => {
    const c = createCluster({ seed: 3 });
    ok(c.create(doc(NODEPORT_SVC.replace('port: 80', 'port: 80\n    nodePort: 30080'))));
    const taken = NODEPORT_SVC.replace('name: np', 'name: np2').replace(
      'port: 80',
      'port: 80\n    nodePort: 30080',
    );
    const real = c.create(doc(taken));
    const dry = c.create(doc(taken), { dryRun: true });
    expect(real.ok).toBe(false);
    expect(dry).toEqual(real);
    // kube-dns holds 10.96.0.10: the dry-run IP allocator checks the range only.
    const fixedIp = sleep2Service.replace('spec:', 'spec:\n  clusterIP: 10.96.0.10');
    expect(c.create(doc(fixedIp)).ok).toBe(false);
    expect(ok(c.create(doc(fixedIp), { dryRun: true })).spec).toMatchObject({ clusterIP: '10.96.0.10' });
    const outside = sleep2Service.replace('spec:', 'spec:\n  clusterIP: 10.200.0.1');
    expect(c.create(doc(outside), { dryRun: true })).toEqual(c.create(doc(outside)));
  });

  it('reports validation errors exactly as the real write does', () => {
    const c = createCluster({ seed: 3 });
    const typo = sleep2Service.replace('- port: 80', '-port: 80');
    const badDeploy = sleep1.replace('app: sleep-1', 'app: sleep');
    for (const y of [typo, badDeploy]) {
      const before = snapshot(c);
      const dry = c.apply(docs(y), { dryRun: true });
      expect(snapshot(c)).toEqual(before);
      const real = c.apply(docs(y));
      expect(dry[0]?.result.ok).toBe(false);
      expect(dry).toEqual(real);
    }
  });

  it('create of an existing object: AlreadyExists, as the real create', () => {
    const c = createCluster({ seed: 3 });
    ok(c.create(doc(sleep2Service)));
    const dry = c.create(doc(sleep2Service), { dryRun: true });
    expect(dry.ok).toBe(false);
    expect(dry).toEqual(c.create(doc(sleep2Service)));
  });

  it('apply of an existing object: configured / unchanged as computed, stored object untouched', () => {
    const c = createCluster({ seed: 3 });
    c.apply(docs(sleep1));
    c.advance(5_000);
    const before = snapshot(c);
    const live = c.get('Deployment', 'default', 'sleep-1') as K8sObject;
    const same = c.apply(docs(sleep1), { dryRun: true });
    expect(same[0]?.result.ok && same[0].result.op).toBe('unchanged');
    const changed = c.apply(docs(sleep1.replace('image: kiamol/ch03-sleep', 'image: kiamol/ch03-sleep:v2')), {
      dryRun: true,
    });
    const r = changed[0]?.result;
    expect(r?.ok && r.op).toBe('configured');
    const obj = r?.ok ? r.object : undefined;
    expect(obj?.metadata.resourceVersion).toBe(live.metadata.resourceVersion);
    expect(obj?.metadata.generation).toBe((live.metadata.generation ?? 0) + 1);
    expect(obj?.metadata.uid).toBe(live.metadata.uid);
    expect(snapshot(c)).toEqual(before);
  });

  it('update: the would-be object, nothing written', () => {
    const c = createCluster({ seed: 3 });
    c.apply(docs(sleep1));
    c.advance(5_000);
    const live = c.get('Deployment', 'default', 'sleep-1') as K8sObject;
    const before = snapshot(c);
    const next = { ...live, spec: { ...(live.spec as object), replicas: 3 } } as K8sObject;
    let r: ApiResult | undefined;
    const batches = batchesDuring(c, () => {
      r = c.update(next, { dryRun: true });
    });
    expect(r && ok(r).spec).toMatchObject({ replicas: 3 });
    expect(r && ok(r).metadata.resourceVersion).toBe(live.metadata.resourceVersion);
    expect(batches).toEqual([]);
    expect(snapshot(c)).toEqual(before);
    // An invalid update fails the same way.
    const bad = { ...live, spec: { ...(live.spec as object), replicas: -1 } } as K8sObject;
    expect(c.update(bad, { dryRun: true })).toEqual(c.update(bad));
  });

  it('delete: a running Pod is answered marked, a Service keeps its address, nothing removed', () => {
    const c = createCluster({ seed: 3 });
    c.apply(docs(`${sleep2}\n---\n${sleep2Service}`));
    c.advance(20_000);
    const pod = c.list('Pod', { namespace: 'default' })[0] as K8sObject;
    const svc = c.get('Service', 'default', 'sleep-2') as K8sObject;
    const ip = (svc.spec as { clusterIP: string }).clusterIP;
    const before = snapshot(c);
    const batches = batchesDuring(c, () => {
      const p = ok(c.delete('Pod', 'default', pod.metadata.name, { dryRun: true }));
      expect(p.metadata.deletionTimestamp).toBeDefined();
      expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
      ok(c.delete('Service', 'default', 'sleep-2', { dryRun: true }));
      ok(c.delete('Deployment', 'default', 'sleep-2', { dryRun: true, propagationPolicy: 'Orphan' }));
      expect(c.delete('Namespace', undefined, 'default', { dryRun: true })).toEqual(
        c.delete('Namespace', undefined, 'default'),
      );
    });
    expect(batches).toEqual([]);
    expect(snapshot(c)).toEqual(before);
    expect(c.internals.api.allocators.ips.has(ip)).toBe(true);
    expect(c.delete('Pod', 'default', 'nope', { dryRun: true })).toEqual(c.delete('Pod', 'default', 'nope'));
  });
});
