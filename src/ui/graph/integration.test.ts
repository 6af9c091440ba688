// The graph against the real core: the traces the terminal produces name nodes the graph draws, the
// rule lines they carry are lines of the node's iptables-save (the inspector highlights them), and
// numbers-web's page reaches the browser pane as structured data.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject, KindName } from '../../sim/api/types';
import type { Trace } from '../../sim/contract';
import { deriveGraph } from './derive';
import { traceToPlan } from './trace-steps';

const KINDS: KindName[] = [
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'Service',
  'Endpoints',
];

function sleepCluster() {
  const d = kdrive({ seed: 7 });
  d.kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml');
  d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
  d.kubectl('wait --for=condition=Ready pod -l app=sleep-2');
  return d;
}

function graphIds(d: ReturnType<typeof kdrive>): Set<string> {
  const objects: K8sObject[] = KINDS.flatMap((k) => d.cluster.list(k));
  return new Set(deriveGraph(objects).nodes.map((n) => n.id));
}

function lastTraces(d: ReturnType<typeof kdrive>): Trace[] {
  return d.last?.traces ?? [];
}

describe('graph × real core', () => {
  it('ping sleep-2: every hop joins drawn nodes and the failure callout has a place', () => {
    const d = sleepCluster();
    d.kubectl('exec deploy/sleep-1 -- ping -c 1 sleep-2');
    expect(d.text()).toContain('100% packet loss');
    const traces = lastTraces(d);
    expect(traces.length).toBeGreaterThan(0);
    const ids = graphIds(d);
    const trace = traces[traces.length - 1] as Trace;
    const undrawn = trace.hops.flatMap((h) => [h.from, h.to]).filter((r) => !ids.has(r));
    expect(undrawn).toEqual([]);
    const plan = traceToPlan(trace, (id) => ids.has(id));
    expect(plan.ok).toBe(false);
    expect(plan.verdict).toBe('no-reply');
    expect(plan.calloutAt).not.toBeNull();
    expect(plan.steps.map((s) => s.kind)).toContain('no-rule');
    expect(plan.reason).toMatch(/matches no kube-proxy rule/);
  });

  it('a TCP request: the rules its hops carry are lines of the node’s iptables-save', () => {
    const d = sleepCluster();
    d.kubectl('exec deploy/sleep-1 -- wget -q -O - http://sleep-2');
    const trace = lastTraces(d).find((t) => t.hops.some((h) => h.rule));
    expect(trace, 'a trace with a matched rule').toBeDefined();
    const saved = new Set(
      d.cluster.net
        .iptablesSave('docker-desktop')
        .split('\n')
        .map((l) => l.trim()),
    );
    for (const h of trace?.hops ?? []) if (h.rule) expect(saved.has(h.rule.trim()), h.rule).toBe(true);
  });

  it('the browser pane’s numbers-web page: unavailable before the API Service, a number after', () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('apply -f numbers/api.yaml -f numbers/web.yaml -f numbers/web-service.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=numbers-web --timeout=120s');
    d.kubectl('wait --for=condition=Ready pod -l app=numbers-api --timeout=120s');
    const get = d.session.browse('http://localhost:8080');
    expect(get.response?.page?.form).toBe(true);
    const body = get.response?.page?.formBody ?? '';
    expect(d.session.browse('http://localhost:8080', { method: 'POST', body }).response?.page?.error).toBe(
      'RNG service unavailable!',
    );
    d.kubectl('apply -f numbers/api-service.yaml');
    const ok = d.session.browse('http://localhost:8080', { method: 'POST', body });
    expect(ok.response?.page?.number).toEqual(expect.any(Number));
    const ids = graphIds(d);
    const refs = ok.traces.flatMap((t) => t.hops.flatMap((h) => [h.from, h.to]));
    expect(refs.filter((r) => !ids.has(r) && !r.startsWith('external:'))).toEqual([]);
  });

  it('a DaemonSet, a StatefulSet and a Job are workload nodes owning their Pods, with kubectl’s counts', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const ds = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: c, image: nginx}]}
`;
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;
    d.sh(`cat > w.yaml <<'EOF'\n${ds}---\n${sts}EOF`);
    d.kubectl('apply -f w.yaml');
    expect(d.exitCode()).toBe(0);
    d.kubectl('create job once --image=busybox -- true');
    d.advance(60_000);
    const objects: K8sObject[] = KINDS.flatMap((k) => d.cluster.list(k));
    const g = deriveGraph(objects);
    const node = (id: string) => g.nodes.find((n) => n.id === id);
    expect(node('DaemonSet/default/agent')).toMatchObject({ type: 'daemonSet', data: { replicas: '2/2' } });
    expect(node('StatefulSet/default/web')).toMatchObject({ type: 'statefulSet', data: { replicas: '2/2' } });
    expect(node('Job/default/once')).toMatchObject({ type: 'job', data: { replicas: '1/1' } });
    const owned = (owner: string) =>
      g.edges.filter((e) => e.kind === 'owns' && e.source === owner).map((e) => e.target);
    expect(owned('StatefulSet/default/web')).toEqual(['Pod/default/web-0', 'Pod/default/web-1']);
    expect(owned('DaemonSet/default/agent')).toHaveLength(2);
    expect(owned('Job/default/once')).toHaveLength(1);
  });
});
