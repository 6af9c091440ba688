// kubectl logs --timestamps: every line prefixed with the time the container wrote it, as the
// kubelet's log reader prints it (RFC3339NanoFixed in UTC, then a space). [K8S pkg/kubelet/
// kuberuntime/logs/logs.go timeFormatOut; KUBECTL pkg/cmd/logs --timestamps]
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: talker
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo first; sleep 2; echo second"]
`;

const stamp = (iso: string) => `${iso.replace(/Z$/, '').replace(/(\.\d+)?$/, '')}.000000000Z`;

describe('kubectl logs --timestamps', () => {
  it("a process's lines carry the instants it wrote them", () => {
    const d = kdrive({ seed: 2 });
    d.applyOk(POD).advance(60_000);
    const pod = d.cluster.get('Pod', 'default', 'talker') as Pod;
    const term = pod.status.containerStatuses?.[0]?.state?.terminated as { startedAt: string };
    const start = Date.parse(term.startedAt);
    const out = d.kubectl('logs talker --timestamps').text();
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const [t1, w1] = (lines[0] as string).split(' ');
    const [t2, w2] = (lines[1] as string).split(' ');
    expect([w1, w2]).toEqual(['first', 'second']);
    expect(t1).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(Date.parse(t1 as string) - start).toBeLessThan(1000);
    expect(Date.parse(t2 as string) - Date.parse(t1 as string)).toBeGreaterThanOrEqual(2000);
    // Without the flag, the same text with no prefixes.
    expect(d.kubectl('logs talker').text()).toBe('first\nsecond\n');
    // --tail counts lines, not prefixes.
    expect(d.kubectl('logs talker --timestamps --tail=1').text()).toBe(`${lines[1]}\n`);
  });

  it("a server's startup lines carry its container's start time (CoreDNS)", () => {
    const d = kdrive({ seed: 1 });
    const plain = d.kubectl('logs -n kube-system deploy/coredns').stdout();
    const pod = (d.cluster.list('Pod', { namespace: 'kube-system' }) as Pod[])
      .filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const started = pod.map((p) => p.status.containerStatuses?.[0]?.state?.running?.startedAt as string);
    const stamped = d.kubectl('logs -n kube-system deploy/coredns --timestamps').stdout();
    const lines = plain.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    const prefixes = new Set(
      stamped
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(' '))),
    );
    expect(prefixes.size).toBe(1);
    expect(started.map(stamp)).toContain([...prefixes][0]);
    expect(
      stamped
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(l.indexOf(' ') + 1)),
    ).toEqual(lines);
  });
});
