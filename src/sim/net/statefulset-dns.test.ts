// Per-Pod DNS names of a StatefulSet under its governing headless Service (CoreDNS's kubernetes
// plugin: a Pod whose hostname and subdomain match a headless Service of its namespace gets
// `<hostname>.<service>.<ns>.svc.cluster.local`; the Service name answers every ready Pod). The
// StatefulSet controller sets hostname = the Pod's name and subdomain = serviceName, and makes a
// deleted Pod again under the same name: the name follows the new Pod's IP once it is ready.
// The client is busybox: its nslookup searches only names without a dot, so the per-Pod name is
// asked in full there; wget (musl's getaddrinfo, ndots 5) and the tracer search `web-0.nginx`.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import { sleepPodYaml } from './test-helpers';

const YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: web
`;

const setup = () =>
  kdrive({ seed: 11, profile: 'kind' }).applyOk(sleepPodYaml('client', '')).applyOk(YAML).advance(60_000);
const ip = (d: ReturnType<typeof setup>, name: string) => (d.get('Pod', name) as Pod).status?.podIP as string;

describe('StatefulSet Pods under their headless Service', () => {
  it("each Pod's name answers its IP; nslookup nginx answers every ready Pod", () => {
    const d = setup();
    d.kubectl('exec client -- nslookup web-0.nginx.default.svc.cluster.local');
    expect(d.stdout()).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip(d, 'web-0')}\n\n\n`,
    );
    expect(d.exitCode()).toBe(0);
    d.kubectl('exec client -- nslookup web-1.nginx.default.svc.cluster.local');
    expect(d.stdout()).toContain(`Address: ${ip(d, 'web-1')}\n`);
    // busybox nslookup searches only names without a dot; getaddrinfo (wget) applies the search
    // list to web-0.nginx (1 dot < ndots 5) and reaches web-0.
    d.kubectl('exec client -- nslookup web-0.nginx');
    expect(d.stdout()).toContain("** server can't find web-0.nginx: NXDOMAIN");
    d.kubectl('exec client -- wget -qO- http://web-0.nginx/');
    expect(d.exitCode()).toBe(0);
    expect(d.last?.traces.at(-1)?.resolvedIP).toBe(ip(d, 'web-0'));
    d.kubectl('exec client -- nslookup nginx');
    const out = d.stdout();
    expect(out).toContain(`Name:\tnginx.default.svc.cluster.local\nAddress: ${ip(d, 'web-0')}\n`);
    expect(out).toContain(`Name:\tnginx.default.svc.cluster.local\nAddress: ${ip(d, 'web-1')}\n`);
  });

  it("after kubectl delete pod web-0 the name follows the new Pod's IP once it is ready", () => {
    const d = setup();
    const before = ip(d, 'web-0');
    d.kubectl('delete pod web-0');
    expect(d.exitCode()).toBe(0);
    d.advance(60_000);
    const after = ip(d, 'web-0');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    d.kubectl('exec client -- nslookup web-0.nginx.default.svc.cluster.local');
    expect(d.stdout()).toContain(`Address: ${after}\n`);
    expect(d.stdout()).not.toContain(before);
    const t = d.cluster.net.trace({
      source: { kind: 'pod', key: 'Pod/default/client' },
      destination: 'web-0.nginx',
      protocol: 'TCP',
      port: 80,
    });
    expect(t.hops[0]).toMatchObject({ kind: 'dns-query', to: 'Service/kube-system/kube-dns' });
    expect(t.resolvedIP).toBe(after);
    expect(t.verdict).toBe('delivered');
  });

  it('a Pod not yet ready has no name (publishNotReadyAddresses unset); the name appears once it is', () => {
    const d = kdrive({ seed: 11, profile: 'kind' })
      .applyOk(sleepPodYaml('client', ''))
      .advance(20_000)
      .applyOk(YAML);
    d.advance(1);
    d.kubectl('exec client -- nslookup web-0.nginx.default.svc.cluster.local');
    expect(d.stdout()).toContain("** server can't find web-0.nginx.default.svc.cluster.local: NXDOMAIN");
    d.advance(60_000);
    d.kubectl('exec client -- nslookup web-0.nginx.default.svc.cluster.local');
    expect(d.stdout()).toContain(`Address: ${ip(d, 'web-0')}\n`);
  });

  it.each([false, true])(
    'a Running Pod that is not ready: named only with publishNotReadyAddresses (%s); OrderedReady waits on it',
    (publish) => {
      const yaml = YAML.replace(
        '  clusterIP: None\n',
        `  clusterIP: None\n  publishNotReadyAddresses: ${publish}\n`,
      ).replace(
        '        - containerPort: 80\n          name: web\n',
        '        - containerPort: 80\n          name: web\n        readinessProbe:\n          httpGet:\n            port: 8080\n          periodSeconds: 2\n',
      );
      const d = kdrive({ seed: 11, profile: 'kind' })
        .applyOk(sleepPodYaml('client', ''))
        .applyOk(yaml)
        .advance(60_000);
      const web0 = d.get('Pod', 'web-0') as Pod;
      expect(web0.status?.phase).toBe('Running');
      expect(web0.status?.podIP).toBeDefined();
      expect(d.get('Pod', 'web-1')).toBeUndefined();
      d.kubectl('exec client -- nslookup web-0.nginx.default.svc.cluster.local');
      if (publish) expect(d.stdout()).toContain(`Address: ${web0.status?.podIP}\n`);
      else
        expect(d.stdout()).toContain("** server can't find web-0.nginx.default.svc.cluster.local: NXDOMAIN");
    },
  );
});
