// `kubectl taint … :NoExecute` and the taint eviction controller (pkg/controller/tainteviction):
// Pods that do not tolerate the taint are deleted at once, tolerationSeconds delays it (and a
// removed taint cancels it), a toleration without seconds keeps the Pod; each step is an Event.
import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../../sim/api/types';
import type { KubectlDriver } from '../testing';
import { kdrive } from '../testing';

const tolerating = (name: string, seconds?: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      tolerations: [{ key: a, operator: Exists, effect: NoExecute${seconds === undefined ? '' : `, tolerationSeconds: ${seconds}`} }]
      containers: [{ name: c, image: nginx }]
`;

const onNode = (d: KubectlDriver, node: string, app?: string) =>
  (
    d.cluster.list('Pod', {
      fieldSelector: `spec.nodeName=${node}`,
      ...(app ? { labelSelector: `app=${app}` } : {}),
    }) as Pod[]
  ).filter((p) => !p.metadata.deletionTimestamp);

/** The controller's Events, `message from` one a line, sorted (the store lists them by name). */
const evictionEvents = (d: KubectlDriver, namespace = 'default') =>
  (d.cluster.list('Event', { namespace }) as Event[])
    .filter((e) => e.reason === 'TaintManagerEviction')
    .map((e) => `${e.message} ${e.source.component}\n`)
    .sort()
    .join('');

describe('NoExecute taints evict', () => {
  it('Pods without a toleration go at once and come back elsewhere; DaemonSet Pods stay', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).kubectl(
      'create deployment web --image=nginx --replicas=4',
    );
    d.advance(20_000);
    const victims = onNode(d, 'kind-worker', 'web').map((p) => p.metadata.name);
    expect(victims.length).toBeGreaterThan(0);
    const daemons = onNode(d, 'kind-worker')
      .filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet')
      .map((p) => p.metadata.name);
    // CoreDNS tolerates the control plane's taint, not this one: it goes too.
    const dns = onNode(d, 'kind-worker')
      .filter((p) => p.metadata.name.startsWith('coredns-'))
      .map((p) => p.metadata.name);
    expect(dns.length).toBe(1);
    d.kubectl('taint nodes kind-worker a=b:NoExecute');
    expect(d.text()).toBe('node/kind-worker tainted\n');
    expect(evictionEvents(d)).toBe(
      victims.map((n) => `Marking for deletion Pod default/${n} taint-eviction-controller\n`).join(''),
    );
    expect(evictionEvents(d, 'kube-system')).toBe(
      `Marking for deletion Pod kube-system/${dns[0]} taint-eviction-controller\n`,
    );
    d.advance(20_000);
    expect(onNode(d, 'kind-worker', 'web')).toEqual([]);
    expect(d.cluster.list('Pod', { labelSelector: 'app=web' })).toHaveLength(4);
    expect(onNode(d, 'kind-worker').map((p) => p.metadata.name)).toEqual(daemons);
  });

  it('tolerationSeconds: deleted when it runs out; a removed taint cancels it; no seconds: never', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.apply(tolerating('brief', 20));
    d.apply(tolerating('always'));
    d.advance(20_000);
    const brief = onNode(d, 'kind-worker', 'brief').map((p) => p.metadata.name);
    const always = onNode(d, 'kind-worker', 'always').map((p) => p.metadata.name);
    expect(brief).toHaveLength(1);
    expect(always).toHaveLength(1);
    d.kubectl('taint nodes kind-worker a=b:NoExecute').advance(19_000);
    expect(onNode(d, 'kind-worker', 'brief').map((p) => p.metadata.name)).toEqual(brief);
    expect(evictionEvents(d)).toBe('');
    d.advance(1000);
    expect(onNode(d, 'kind-worker', 'brief').map((p) => p.metadata.name)).not.toContain(brief[0]);
    expect(evictionEvents(d)).toBe(
      `Marking for deletion Pod default/${brief[0]} taint-eviction-controller\n`,
    );
    expect(onNode(d, 'kind-worker', 'always').map((p) => p.metadata.name)).toEqual(always);
    // The replacement may land on the tainted node (it tolerates it for a while): its own clock
    // starts when it is bound. Removing the taint cancels what is scheduled.
    d.advance(5000);
    const again = onNode(d, 'kind-worker', 'brief').map((p) => p.metadata.name);
    d.kubectl('taint nodes kind-worker a-').advance(30_000);
    const cancelled = again.map((n) => `Cancelling deletion of Pod default/${n} taint-eviction-controller\n`);
    expect(evictionEvents(d)).toBe(
      [`Marking for deletion Pod default/${brief[0]} taint-eviction-controller\n`, ...cancelled]
        .sort()
        .join(''),
    );
    for (const n of again)
      expect(d.cluster.get('Pod', 'default', n)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a Pod deleted while its deletion is scheduled: the deletion is cancelled, with its Event', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.apply(tolerating('brief', 60));
    d.advance(20_000);
    const [pod] = onNode(d, 'kind-worker', 'brief').map((p) => p.metadata.name);
    d.kubectl('taint nodes kind-worker a=b:NoExecute').advance(1000);
    d.kubectl(`delete pod ${pod}`);
    expect(evictionEvents(d)).toBe(`Cancelling deletion of Pod default/${pod} taint-eviction-controller\n`);
  });
});
