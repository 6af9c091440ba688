// The graph against the real core: the traces the terminal produces name nodes the graph draws, the
// rule lines they carry are lines of the node's iptables-save (the inspector highlights them), and
// numbers-web's page reaches the browser pane as structured data.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject, KindName } from '../../sim/api/types';
import type { Trace } from '../../sim/contract';
import { deriveGraph } from './derive';
import { traceToPlan } from './trace-steps';

const KINDS: KindName[] = ['Node', 'Pod', 'Deployment', 'ReplicaSet', 'Service', 'Endpoints'];

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
});
