// The boot's CoreDNS Deployment as each distro's manifest has it (kubeadm 1.34
// cmd/kubeadm/app/phases/addons/dns/manifests.go; k3s manifests/coredns.yaml), what `kubectl`
// shows of it, that its Pods are Ready at the same simulated instants and addresses as before the
// probes were added, and that the probes pass once the prober runs them. The late parts are bound
// in this file (kdrive imports cluster.ts); coredns-boot-early.test.ts boots as the page does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import { late } from '../late';

/** The `template:` block of `kubectl get deploy coredns -n kube-system -o yaml`. */
function templateYaml(profile: 'docker-desktop' | 'kind' | 'k3s'): string {
  const out = kdrive({ seed: 1, profile }).kubectl('get deploy coredns -n kube-system -o yaml').text();
  const from = out.indexOf('  template:\n');
  return out.slice(from, out.indexOf('status:\n', from));
}

const KUBEADM_TEMPLATE = `  template:
    metadata:
      labels:
        k8s-app: kube-dns
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: k8s-app
                  operator: In
                  values:
                  - kube-dns
              topologyKey: kubernetes.io/hostname
            weight: 100
      containers:
      - args:
        - -conf
        - /etc/coredns/Corefile
        image: registry.k8s.io/coredns/coredns:v1.12.1
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 5
          httpGet:
            path: /health
            port: liveness-probe
            scheme: HTTP
          initialDelaySeconds: 60
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 5
        name: coredns
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        - containerPort: 9153
          name: metrics
          protocol: TCP
        - containerPort: 8080
          name: liveness-probe
          protocol: TCP
        - containerPort: 8181
          name: readiness-probe
          protocol: TCP
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /ready
            port: readiness-probe
            scheme: HTTP
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          limits:
            memory: 170Mi
          requests:
            cpu: 100m
            memory: 70Mi
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            add:
            - NET_BIND_SERVICE
            drop:
            - ALL
          readOnlyRootFilesystem: true
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /etc/coredns
          name: config-volume
          readOnly: true
      dnsPolicy: Default
      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-cluster-critical
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      serviceAccount: coredns
      serviceAccountName: coredns
      terminationGracePeriodSeconds: 30
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
      - effect: NoSchedule
        key: node-role.kubernetes.io/control-plane
      volumes:
      - configMap:
          defaultMode: 420
          items:
          - key: Corefile
            path: Corefile
          name: coredns
        name: config-volume
`;

const K3S_TEMPLATE = `  template:
    metadata:
      labels:
        k8s-app: kube-dns
    spec:
      containers:
      - args:
        - -conf
        - /etc/coredns/Corefile
        image: rancher/mirrored-coredns-coredns:1.12.3
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 3
          httpGet:
            path: /health
            port: 8080
            scheme: HTTP
          initialDelaySeconds: 60
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        name: coredns
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        - containerPort: 9153
          name: metrics
          protocol: TCP
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /ready
            port: 8181
            scheme: HTTP
          periodSeconds: 2
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          limits:
            memory: 170Mi
          requests:
            cpu: 100m
            memory: 70Mi
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            add:
            - NET_BIND_SERVICE
            drop:
            - all
          readOnlyRootFilesystem: true
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /etc/coredns
          name: config-volume
          readOnly: true
        - mountPath: /etc/coredns/custom
          name: custom-config-volume
          readOnly: true
      dnsPolicy: Default
      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-cluster-critical
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      serviceAccount: coredns
      serviceAccountName: coredns
      terminationGracePeriodSeconds: 30
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
      - effect: NoSchedule
        key: node-role.kubernetes.io/control-plane
        operator: Exists
      - effect: NoSchedule
        key: node-role.kubernetes.io/master
        operator: Exists
      volumes:
      - configMap:
          defaultMode: 420
          items:
          - key: Corefile
            path: Corefile
          - key: NodeHosts
            path: NodeHosts
          name: coredns
        name: config-volume
      - configMap:
          defaultMode: 420
          name: coredns-custom
          optional: true
        name: custom-config-volume
`;

describe('the CoreDNS Deployment as the distro manifests have it', () => {
  it("kubeadm (Docker Desktop, kind): the ReplicaSet is a real 1.34 cluster's coredns-66bc5c9577", () => {
    // The pod-template-hash of kubeadm 1.34's CoreDNS template as the API server stores it (the
    // podAntiAffinity, the serviceAccount alias, every default): the name `kubectl get pods -A`
    // shows on kubeadm-built 1.34 clusters (minikube v1.34.0, kind with node image v1.34).
    for (const profile of ['docker-desktop', 'kind'] as const) {
      const d = kdrive({ seed: 1, profile });
      expect(d.kubectl('get rs -n kube-system -o name').text(), profile).toBe(
        'replicaset.apps/coredns-66bc5c9577\n',
      );
      const pods = d.kubectl('get pods -n kube-system -l k8s-app=kube-dns -o name').text();
      expect(pods, profile).toMatch(/^(pod\/coredns-66bc5c9577-[bcdfghjklmnpqrstvwxz2456789]{5}\n){2}$/);
    }
  });

  it('kubeadm (Docker Desktop, kind): -o yaml of the pod template', () => {
    expect(templateYaml('docker-desktop')).toBe(KUBEADM_TEMPLATE);
    expect(templateYaml('kind')).toBe(KUBEADM_TEMPLATE);
  });

  it('k3s: -o yaml of the pod template, one replica, revisionHistoryLimit 0, the CoreDNS name label', () => {
    expect(templateYaml('k3s')).toBe(K3S_TEMPLATE);
    const out = kdrive({ seed: 1, profile: 'k3s' })
      .kubectl('get deploy coredns -n kube-system -o yaml')
      .text();
    expect(out).toContain(
      '  labels:\n    k8s-app: kube-dns\n    kubernetes.io/name: CoreDNS\n  name: coredns\n',
    );
    expect(out).toContain('  replicas: 1\n  revisionHistoryLimit: 0\n');
  });

  it('describe pod -l k8s-app=kube-dns: named probe ports, the probes, the config-volume mount and volume', () => {
    const out = kdrive({ seed: 1 }).kubectl('describe pod -n kube-system -l k8s-app=kube-dns').text();
    const block = [
      '    Ports:         53/UDP (dns), 53/TCP (dns-tcp), 9153/TCP (metrics), 8080/TCP (liveness-probe), 8181/TCP (readiness-probe)',
      '    Host Ports:    0/UDP (dns), 0/TCP (dns-tcp), 0/TCP (metrics), 0/TCP (liveness-probe), 0/TCP (readiness-probe)',
    ].join('\n');
    const probes = [
      '    Liveness:     http-get http://:liveness-probe/health delay=60s timeout=5s period=10s #success=1 #failure=5',
      '    Readiness:    http-get http://:readiness-probe/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
      '    Environment:  <none>',
      '    Mounts:',
      '      /etc/coredns from config-volume (ro)',
    ].join('\n');
    const volume = [
      'Volumes:',
      '  config-volume:',
      '    Type:      ConfigMap (a volume populated by a ConfigMap)',
      '    Name:      coredns',
      '    Optional:  false',
    ].join('\n');
    // Both Pods' blocks carry them.
    for (const part of [block, probes, volume]) expect(out.split(part)).toHaveLength(3);
  });

  it('describe pod on k3s: the numbered probe ports, its timings, and both config volumes', () => {
    const out = kdrive({ seed: 1, profile: 'k3s' })
      .kubectl('describe pod -n kube-system -l k8s-app=kube-dns')
      .text();
    expect(out).toContain(
      [
        '    Liveness:     http-get http://:8080/health delay=60s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:    http-get http://:8181/ready delay=0s timeout=1s period=2s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:',
        '      /etc/coredns from config-volume (ro)',
        '      /etc/coredns/custom from custom-config-volume (ro)',
      ].join('\n'),
    );
    expect(out).toContain(
      [
        '  custom-config-volume:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      coredns-custom',
        '    Optional:  true',
      ].join('\n'),
    );
  });
});

/** Each CoreDNS Pod's node, IP, container start and Ready transition, sorted by IP. */
function corednsTimes(profile: 'docker-desktop' | 'kind' | 'k3s'): string[] {
  const c = kdrive({ seed: 1, profile }).cluster;
  return (c.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' }) as Pod[])
    .map((p) => {
      const ready = p.status.conditions?.find((x) => x.type === 'Ready');
      const started = p.status.containerStatuses?.[0]?.state?.running?.startedAt;
      return `${p.spec.nodeName} ${p.status.podIP} started ${started} ready ${ready?.status} ${ready?.lastTransitionTime}`;
    })
    .sort();
}

describe('CoreDNS at boot: Ready at the same instants and addresses as without probes', () => {
  // The values the boot gave before the probes and volumes were added (commit 814bca9).
  it.each([
    [
      'docker-desktop',
      [
        'docker-desktop 10.1.0.2 started 2026-01-01T11:13:02Z ready True 2026-01-01T11:13:02Z',
        'docker-desktop 10.1.0.3 started 2026-01-01T11:13:02Z ready True 2026-01-01T11:13:02Z',
      ],
    ],
    [
      'kind',
      [
        'kind-control-plane 10.244.0.2 started 2026-01-01T11:13:02Z ready True 2026-01-01T11:13:02Z',
        'kind-worker 10.244.1.2 started 2026-01-01T11:13:03Z ready True 2026-01-01T11:13:03Z',
      ],
    ],
    ['k3s', ['k3s-server 10.42.0.2 started 2026-01-01T11:13:03Z ready True 2026-01-01T11:13:03Z']],
  ] as const)('%s', (profile, want) => {
    expect(corednsTimes(profile)).toEqual(want);
  });
});

describe('CoreDNS probes once the prober runs them', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['docker-desktop', 'k3s'] as const)(
    '%s: a CoreDNS Pod started now passes readiness at once and liveness after its delay',
    (profile) => {
      const d = kdrive({ seed: 1, profile });
      const c = d.cluster;
      const spy = vi.spyOn(late(), 'runProbe');
      const [first] = c.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' }) as Pod[];
      d.kubectl(`delete pod -n kube-system ${first?.metadata.name}`).advance(90_000);
      const fresh = (
        c.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' }) as Pod[]
      ).find((p) => p.metadata.creationTimestamp !== first?.metadata.creationTimestamp) as Pod;
      expect(fresh, 'the ReplicaSet replaced the deleted Pod').toBeDefined();
      const ready = fresh.status.conditions?.find((x) => x.type === 'Ready');
      const started = fresh.status.containerStatuses?.[0]?.state?.running?.startedAt;
      // The readiness worker runs as the container starts (prober_manager's manual trigger).
      expect([ready?.status, ready?.lastTransitionTime]).toEqual(['True', started]);
      const onFresh = spy.mock.calls
        .map((call, i) => ({ pod: call[1], probe: call[3], result: spy.mock.results[i]?.value }))
        .filter((x) => x.pod.metadata.name === fresh.metadata.name);
      const paths = new Set(onFresh.map((x) => x.probe.httpGet?.path));
      expect([...paths].sort()).toEqual(['/health', '/ready']);
      for (const x of onFresh) expect(x.result).toEqual({ ok: true, output: '' });
      // No Unhealthy Event (nor a restart) for any CoreDNS Pod.
      const events = d.kubectl('get events -n kube-system').text();
      expect(events).not.toContain('Unhealthy');
      expect(fresh.status.containerStatuses?.[0]?.restartCount).toBe(0);
    },
  );
});

describe('system Pods: the tolerations their sources give them', () => {
  it('a static Pod tolerates every NoExecute taint (the kubelet, for a Pod read from a file); kube-proxy keeps its Exists', () => {
    const d = kdrive({ seed: 1 });
    const spec = (name: string) =>
      (d.cluster.get('Pod', 'kube-system', name) as Pod).spec.tolerations as Record<string, unknown>[];
    expect(spec('etcd-docker-desktop')).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    expect(spec('kube-apiserver-docker-desktop')).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    const proxy = (d.cluster.list('Pod', { namespace: 'kube-system' }) as Pod[]).find((p) =>
      p.metadata.name.startsWith('kube-proxy-'),
    ) as Pod;
    // …followed by the DaemonSet controller's (AddOrUpdateDaemonPodTolerations; daemonset-tolerations.test.ts).
    expect(proxy.spec.tolerations?.[0]).toEqual({ operator: 'Exists' });
    expect(proxy.spec.tolerations).toHaveLength(8);
    expect(d.kubectl('describe pod -n kube-system etcd-docker-desktop').text()).toContain(
      '\nTolerations:                  :NoExecute op=Exists\n',
    );
  });
});
