// Which part of a Pod each kubelet Event is about (involvedObject.fieldPath, the SUBOBJECT column of
// `kubectl get events -o wide`). The kubelet's container Events carry the field path of the
// container they are about (kubecontainer.GenerateContainerRef → fieldPath, pkg/kubelet/container/
// ref.go): Pulling/Pulled/Failed/BackOff/ErrImageNeverPull from the image manager (given startContainer's
// container ref), Created/Started/Failed/Killing (kuberuntime_container.go recordContainerEvent),
// BackOff for a crash loop (kuberuntime_manager.go doBackOff), Unhealthy (prober.go). Pod-level
// ones are recorded on the Pod itself and have none: FailedMount (operation_generator.go,
// volumeToMount.Pod), DNSConfigForming (network/dns/dns.go), the scheduler's.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Event } from '../api/types';
import { containerFieldPath } from './status-parts';

/** The rows of `kubectl get events -o wide` as [REASON, OBJECT, SUBOBJECT, MESSAGE], by header offsets. */
function wideRows(out: string): [string, string, string, string][] {
  const [header, ...lines] = out.trimEnd().split('\n');
  const h = header as string;
  const at = (col: string) => h.indexOf(col);
  const cut = (line: string, from: string, to: string) => line.slice(at(from), at(to)).trim();
  expect(h.startsWith('LAST SEEN   TYPE')).toBe(true);
  return lines.map((l) => [
    cut(l, 'REASON', 'OBJECT'),
    cut(l, 'OBJECT', 'SUBOBJECT'),
    cut(l, 'SUBOBJECT', 'SOURCE'),
    cut(l, 'MESSAGE', 'FIRST SEEN'),
  ]);
}

/** [REASON, SUBOBJECT, MESSAGE] of one Pod's Events, sorted (the order is not what is tested here). */
function subobjects(out: string, pod: string): string[] {
  return wideRows(out)
    .filter((r) => r[1] === `pod/${pod}`)
    .map(([reason, , sub, msg]) => `${reason} | ${sub} | ${msg.replace(/ in [\d.]+m?s \(.*$/, ' …')}`)
    .sort();
}

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx
  - name: sidecar
    image: kiamol/ch03-sleep
`;

describe('kubelet Events name the container they are about', () => {
  it('a two-container Pod: every Event of each container has its own spec.containers{name}', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(TWO).advance(30_000);
    d.kubectl('get events -o wide');
    expect(d.exitCode()).toBe(0);
    expect(subobjects(d.stdout(), 'two')).toEqual(
      [
        'Scheduled |  | Successfully assigned default/two to kind-worker',
        'Pulling | spec.containers{web} | Pulling image "nginx"',
        'Pulled | spec.containers{web} | Successfully pulled image "nginx" …',
        'Created | spec.containers{web} | Created container: web',
        'Started | spec.containers{web} | Started container web',
        'Pulling | spec.containers{sidecar} | Pulling image "kiamol/ch03-sleep"',
        'Pulled | spec.containers{sidecar} | Successfully pulled image "kiamol/ch03-sleep" …',
        'Created | spec.containers{sidecar} | Created container: sidecar',
        'Started | spec.containers{sidecar} | Started container sidecar',
      ].sort(),
    );
    // The column where kubectl prints it: printEvent's cells LAST SEEN, TYPE, REASON, OBJECT,
    // SUBOBJECT, SOURCE, MESSAGE, FIRST SEEN, COUNT, NAME.
    const started = d
      .stdout()
      .split('\n')
      .find((l) => l.includes('Started container sidecar')) as string;
    expect(started).toMatch(
      /^(\d+s) +Normal +Started +pod\/two {3}spec\.containers\{sidecar\} {3}kubelet, kind-worker {3}Started container sidecar +\1 +1 +two\.[0-9a-f]{16}$/,
    );
    // Deleting it: killContainer's Killing, one per container, each on its own.
    d.kubectl('delete pod two --wait=false');
    d.kubectl('get events -o wide --field-selector reason=Killing');
    expect(wideRows(d.stdout()).map((r) => `${r[2]} ${r[3]}`)).toEqual([
      'spec.containers{web} Stopping container web',
      'spec.containers{sidecar} Stopping container sidecar',
    ]);
  });

  it('the same image already present for two containers: two Events, one per container (not x2)', () => {
    // One node (docker-desktop): the second Pod finds the image there.
    const d = kdrive({ seed: 3, profile: 'docker-desktop' })
      .applyOk(TWO.replace('name: two', 'name: first'))
      .advance(30_000)
      .applyOk(
        TWO.replace('name: two', 'name: again')
          .replace('image: nginx', 'image: kiamol/ch03-sleep')
          .replaceAll(
            'image: kiamol/ch03-sleep',
            'image: kiamol/ch03-sleep\n    imagePullPolicy: IfNotPresent',
          ),
      )
      .advance(30_000);
    d.kubectl('get events -o wide --field-selector involvedObject.name=again,reason=Pulled');
    const rows = wideRows(d.stdout());
    expect(rows.map((r) => `${r[2]} ${r[3]}`)).toEqual([
      'spec.containers{web} Container image "kiamol/ch03-sleep" already present on machine',
      'spec.containers{sidecar} Container image "kiamol/ch03-sleep" already present on machine',
    ]);
    d.kubectl(
      'get events --field-selector involvedObject.name=again,reason=Pulled -o jsonpath={.items[*].count}',
    );
    expect(d.stdout()).toBe('1 1');
  });

  it('an init container does not shift the containers’ field paths', () => {
    // The init container's Events are on spec.initContainers{setup} (init-containers.ts); the app
    // container's are on it by name, not by its place among all containers.
    const d = kdrive({ seed: 3, profile: 'kind' })
      .applyOk(`apiVersion: v1
kind: Pod
metadata:
  name: withinit
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ['sh', '-c', 'true']
  containers:
  - name: app
    image: kiamol/ch03-sleep
`)
      .advance(30_000);
    d.kubectl('get events -o wide --field-selector involvedObject.name=withinit');
    const rows = wideRows(d.stdout()).filter((r) => r[0] !== 'Scheduled');
    expect(rows.map((r) => `${r[0]} ${r[2]}`).sort()).toEqual([
      'Created spec.containers{app}',
      'Created spec.initContainers{setup}',
      'Pulled spec.containers{app}',
      'Pulled spec.initContainers{setup}',
      'Pulling spec.containers{app}',
      'Pulling spec.initContainers{setup}',
      'Started spec.containers{app}',
      'Started spec.initContainers{setup}',
    ]);
  });

  it("ref.go's spelling for each list, and by index for a container without a name", () => {
    expect(containerFieldPath('containers', 'web', 0)).toBe('spec.containers{web}');
    expect(containerFieldPath('initContainers', 'setup', 0)).toBe('spec.initContainers{setup}');
    expect(containerFieldPath('ephemeralContainers', 'debugger', 2)).toBe(
      'spec.ephemeralContainers{debugger}',
    );
    expect(containerFieldPath('containers', '', 3)).toBe('spec.containers[3]');
  });
});

describe('Pod-level kubelet Events have no fieldPath', () => {
  it('FailedMount and the scheduler’s Scheduled: empty SUBOBJECT, no involvedObject.fieldPath', () => {
    const d = kdrive({ seed: 3, profile: 'kind' })
      .applyOk(`apiVersion: v1
kind: Pod
metadata:
  name: mount
spec:
  volumes:
  - name: cfg
    configMap:
      name: missing
  containers:
  - name: app
    image: kiamol/ch03-sleep
    volumeMounts:
    - name: cfg
      mountPath: /cfg
`)
      .advance(30_000);
    d.kubectl('get events -o wide --field-selector involvedObject.name=mount');
    expect(wideRows(d.stdout()).map((r) => `${r[0]} [${r[2]}]`)).toEqual(['Scheduled []', 'FailedMount []']);
    d.kubectl('get events --field-selector reason=FailedMount -o yaml');
    expect(d.stdout()).toContain('kind: Pod');
    expect(d.stdout()).not.toContain('fieldPath');
  });
});

describe('container restarts', () => {
  const CRASH = `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  dnsConfig:
    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]
  containers:
  - name: web
    image: nginx
    readinessProbe:
      httpGet:
        path: /nope
        port: 8080
      periodSeconds: 5
  - name: job
    image: busybox
    command: ['sh', '-c', 'sleep 3; exit 1']
`;

  it('BackOff and the restarts on the crashing container, Unhealthy on the probed one, DNSConfigForming on the Pod', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(CRASH).advance(60_000);
    d.kubectl('get events -o wide --field-selector involvedObject.name=crash');
    const byReason = new Map<string, Set<string>>();
    for (const [reason, , sub] of wideRows(d.stdout())) {
      const s = byReason.get(reason) ?? new Set<string>();
      s.add(sub);
      byReason.set(reason, s);
    }
    const subs = (reason: string) => [...(byReason.get(reason) ?? [])].sort();
    expect(subs('BackOff')).toEqual(['spec.containers{job}']);
    expect(subs('Unhealthy')).toEqual(['spec.containers{web}']);
    expect(subs('Created')).toEqual(['spec.containers{job}', 'spec.containers{web}']);
    expect(subs('DNSConfigForming')).toEqual(['']);
    expect(subs('Scheduled')).toEqual(['']);
  });

  it('each pod sync that starts or backs off a container forms the DNS config again (DNSConfigForming +1)', () => {
    // SyncPod calls generatePodSandboxConfig → GetPodDNS before it starts containers
    // (kuberuntime_manager.go): once for the sandbox, once for the first start, then once per
    // restart sync and once per crash-loop back-off sync.
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(CRASH).advance(60_000);
    const n = (reason: string, fieldPath?: string) => countOf(d, 'crash', reason, fieldPath);
    const restarts = n('Started', 'spec.containers{job}') - 1;
    const backOffs = n('BackOff', 'spec.containers{job}');
    expect(restarts).toBeGreaterThanOrEqual(2);
    expect(backOffs).toBeGreaterThanOrEqual(2);
    expect(n('DNSConfigForming')).toBe(2 + restarts + backOffs);
  });

  it('image pull back-off: its Events on the container whose image fails, DNSConfigForming per sync', () => {
    const d = kdrive({ seed: 3, profile: 'kind' })
      .applyOk(
        CRASH.replace('image: busybox', 'image: kiamol/no-such-image').replace(
          "command: ['sh', '-c', 'sleep 3; exit 1']",
          "command: ['sleep', '1000']",
        ),
      )
      .advance(60_000);
    d.kubectl('get events -o wide --field-selector involvedObject.name=crash');
    const rows = wideRows(d.stdout());
    const subsOf = (pred: (r: [string, string, string, string]) => boolean) =>
      [...new Set(rows.filter(pred).map((r) => r[2]))].sort();
    expect(subsOf((r) => r[3].includes('no-such-image') || r[3].startsWith('Error: '))).toEqual([
      'spec.containers{job}',
    ]);
    expect(subsOf((r) => r[0] === 'BackOff' || r[0] === 'Failed')).toEqual(['spec.containers{job}']);
    // The sandbox, then one per sync: each that pulls (the first and every retry) and each that
    // finds the image in back-off.
    const n = (reason: string, fieldPath?: string) => countOf(d, 'crash', reason, fieldPath);
    const pulls = n('Pulling', 'spec.containers{job}');
    const backOffs = n('BackOff', 'spec.containers{job}');
    expect(pulls).toBeGreaterThanOrEqual(2);
    expect(backOffs).toBeGreaterThanOrEqual(2);
    expect(n('DNSConfigForming')).toBe(1 + pulls + backOffs);
  });
});

/** The summed count of one Pod's Events of `reason` (about `fieldPath`, when given). */
function countOf(d: ReturnType<typeof kdrive>, pod: string, reason: string, fieldPath?: string): number {
  let total = 0;
  for (const o of d.cluster.list('Event', { namespace: 'default' })) {
    const e = o as unknown as Event;
    if (e.involvedObject.name !== pod || e.reason !== reason) continue;
    if (fieldPath !== undefined && e.involvedObject.fieldPath !== fieldPath) continue;
    total += e.count ?? 1;
  }
  return total;
}
