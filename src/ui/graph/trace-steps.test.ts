import { describe, expect, it } from 'vitest';
import type { Trace } from '../../sim/contract';
import { externalRefs, HOP_MS, matchedRule, PULSE_MS, traceToPlan } from './trace-steps';

// The chapter's teaching moment: ping sleep-2 from sleep-1 resolves, then nothing answers.
const ping: Trace = {
  id: 'trace-1',
  source: { kind: 'pod', key: 'Pod/default/sleep-1-8f68bd59d-4s7j5' },
  destination: 'sleep-2',
  protocol: 'ICMP',
  resolvedIP: '10.98.2.165',
  hops: [
    {
      kind: 'dns-query',
      from: 'Pod/default/sleep-1-8f68bd59d-4s7j5',
      to: 'Service/kube-system/kube-dns',
      label: 'A? sleep-2.default.svc.cluster.local',
      atMs: 0,
    },
    {
      kind: 'dns-answer',
      from: 'Service/kube-system/kube-dns',
      to: 'Pod/default/sleep-1-8f68bd59d-4s7j5',
      label: 'A 10.98.2.165',
      atMs: 1,
    },
    {
      kind: 'send',
      from: 'Pod/default/sleep-1-8f68bd59d-4s7j5',
      to: 'kube-proxy/docker-desktop',
      label: 'ICMP echo → 10.98.2.165',
      atMs: 2,
    },
    {
      kind: 'no-rule',
      from: 'kube-proxy/docker-desktop',
      to: 'kube-proxy/docker-desktop',
      label: 'no rule matches ICMP',
      atMs: 2,
    },
    {
      kind: 'drop',
      from: 'kube-proxy/docker-desktop',
      to: 'Service/default/sleep-2',
      label: 'nobody owns 10.98.2.165',
      atMs: 2,
    },
  ],
  verdict: 'no-reply',
  reason: 'ICMP is not handled by Services: no rule matches 10.98.2.165, so nothing answers',
  startedAt: 0,
};

const all = () => true;

describe('traceToPlan', () => {
  it('maps every hop to a numbered step played one after another', () => {
    const plan = traceToPlan(ping, all);
    expect(plan.steps.map((s) => [s.n, s.kind, s.startMs, s.durMs])).toEqual([
      [1, 'dns-query', 0, HOP_MS],
      [2, 'dns-answer', HOP_MS, HOP_MS],
      [3, 'send', 2 * HOP_MS, HOP_MS],
      [4, 'no-rule', 3 * HOP_MS, PULSE_MS],
      [5, 'drop', 3 * HOP_MS + PULSE_MS, HOP_MS],
    ]);
    expect(plan.totalMs).toBe(4 * HOP_MS + PULSE_MS);
  });

  it('marks failures and return trips, and puts the callout where the packet stopped', () => {
    const plan = traceToPlan(ping, all);
    expect(plan.steps.map((s) => s.failed)).toEqual([false, false, false, true, true]);
    expect(plan.steps.map((s) => s.returning)).toEqual([false, true, false, false, false]);
    expect(plan.ok).toBe(false);
    expect(plan.calloutAt).toBe('Service/default/sleep-2');
    expect(plan.reason).toMatch(/ICMP is not handled by Services/);
  });

  it('leaves hops to undrawn nodes out of the drawing but keeps them in the list', () => {
    const plan = traceToPlan(ping, (id) => id !== 'Service/default/sleep-2');
    expect(plan.steps).toHaveLength(5);
    expect(plan.steps[4]?.to).toBeNull();
    expect(plan.calloutAt).toBe('kube-proxy/docker-desktop');
  });

  it('scales with the hop duration (speed control)', () => {
    expect(traceToPlan(ping, all, HOP_MS / 2).totalMs).toBe((4 * HOP_MS + PULSE_MS) / 2);
  });

  it('finds external refs and the last matched rule', () => {
    const ext: Trace = {
      ...ping,
      hops: [
        { kind: 'send', from: 'host', to: 'external:raw.githubusercontent.com', label: '', atMs: 0 },
        {
          kind: 'dnat',
          from: 'kube-proxy/docker-desktop',
          to: 'Pod/default/x',
          label: '',
          rule: '-A KUBE-SEP-X -j DNAT',
          atMs: 0,
        },
      ],
    };
    expect(externalRefs(ext)).toEqual(['external:raw.githubusercontent.com']);
    expect(matchedRule(ext)).toBe('-A KUBE-SEP-X -j DNAT');
    expect(matchedRule(ping)).toBeUndefined();
  });
});
