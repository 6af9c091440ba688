// The rarer PodSpec defaults (./defaults-late), as `kubectl get -o yaml` shows them: what every
// pod template gets (volumes, env, lifecycle hooks, ephemeral containers), what only Pods get
// (requests from limits, host ports on the host network), and the pod-template-hash of such a
// template. [K8S 1.34 pkg/apis/core/v1/defaults.go, zz_generated.defaults.go; k8s.io/api v0.34
// core/v1/types.go +default markers]
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';
import { fnv32aUtf8, safeEncodeString } from '../controllers/deployment-hash';
import { spewTemplate } from '../controllers/spew';

// biome-ignore lint/suspicious/noExplicitAny: reading loosely typed specs.
type Any = any;

const docs = (yaml: string) => loadAll(yaml) as K8sObject[];

/** The part of `text` from the line `start` (exactly, indentation included) to the line `end`. */
function block(text: string, start: string, end: string): string {
  const i = text.indexOf(`\n${start}\n`);
  const j = text.indexOf(`\n${end}\n`, i + 1);
  if (i < 0 || j < 0) return `(no ${start} … ${end} in)\n${text}`;
  return text.slice(i + 1, j + 1);
}

const VOLUMES = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vols
spec:
  selector:
    matchLabels: {app: vols}
  template:
    metadata:
      labels: {app: vols}
    spec:
      containers:
        - name: app
          image: nginx:1.27
      volumes:
        - name: scratch
        - name: nulled
          emptyDir:
        - name: cm
          configMap: {name: cfg}
        - name: cm-mode
          configMap: {name: cfg, defaultMode: 0}
        - name: sec
          secret: {secretName: s}
        - name: host
          hostPath: {path: /var/log}
        - name: host-typed
          hostPath: {path: /run, type: Directory}
        - name: dapi
          downwardAPI:
            items:
              - path: labels
                fieldRef: {fieldPath: metadata.labels}
              - path: v
                fieldRef: {apiVersion: "", fieldPath: metadata.name}
              - path: cpu
                resourceFieldRef: {containerName: app, resource: limits.cpu}
        - name: proj
          projected:
            sources:
              - serviceAccountToken: {path: token}
              - serviceAccountToken: {path: short, expirationSeconds: 600}
              - downwardAPI:
                  items:
                    - path: ns
                      fieldRef: {fieldPath: metadata.namespace}
              - configMap: {name: cfg}
        - name: disk
          iscsi: {targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", fsType: ext4}
        - name: ceph
          rbd: {monitors: ["10.0.0.2:6789"], image: foo}
        - name: az
          azureDisk: {diskName: d, diskURI: "https://example/d.vhd"}
        - name: sio
          scaleIO: {gateway: "https://gw", system: sys, secretRef: {name: s}}
        - name: eph
          ephemeral:
            volumeClaimTemplate:
              spec:
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 1Gi}}
        - name: eph-nospec
          ephemeral:
            volumeClaimTemplate:
              metadata: {labels: {a: b}}
        - name: claim
          persistentVolumeClaim: {claimName: data}
`;

describe('pod template defaults (SetObjectDefaults_PodTemplate part)', () => {
  it("every volume source's defaults, as kubectl get deploy -o yaml shows them", () => {
    const d = kdrive();
    d.cluster.apply(docs(VOLUMES));
    expect(d.kubectl('get deploy vols -o yaml').exitCode()).toBe(0);
    expect(block(d.stdout(), '      volumes:', 'status:')).toBe(`      volumes:
      - emptyDir: {}
        name: scratch
      - emptyDir: {}
        name: nulled
      - configMap:
          defaultMode: 420
          name: cfg
        name: cm
      - configMap:
          defaultMode: 0
          name: cfg
        name: cm-mode
      - name: sec
        secret:
          defaultMode: 420
          secretName: s
      - hostPath:
          path: /var/log
          type: ""
        name: host
      - hostPath:
          path: /run
          type: Directory
        name: host-typed
      - downwardAPI:
          defaultMode: 420
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.labels
            path: labels
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.name
            path: v
          - path: cpu
            resourceFieldRef:
              containerName: app
              divisor: "0"
              resource: limits.cpu
        name: dapi
      - name: proj
        projected:
          defaultMode: 420
          sources:
          - serviceAccountToken:
              expirationSeconds: 3600
              path: token
          - serviceAccountToken:
              expirationSeconds: 600
              path: short
          - downwardAPI:
              items:
              - fieldRef:
                  apiVersion: v1
                  fieldPath: metadata.namespace
                path: ns
          - configMap:
              name: cfg
      - iscsi:
          fsType: ext4
          iqn: iqn.2001-04.com.example:storage
          iscsiInterface: default
          lun: 0
          targetPortal: 10.0.0.1:3260
        name: disk
      - name: ceph
        rbd:
          image: foo
          keyring: /etc/ceph/keyring
          monitors:
          - 10.0.0.2:6789
          pool: rbd
          user: admin
      - azureDisk:
          cachingMode: ReadWrite
          diskName: d
          diskURI: https://example/d.vhd
          fsType: ext4
          kind: Shared
          readOnly: false
        name: az
      - name: sio
        scaleIO:
          fsType: xfs
          gateway: https://gw
          secretRef:
            name: s
          storageMode: ThinProvisioned
          system: sys
      - ephemeral:
          volumeClaimTemplate:
            spec:
              accessModes:
              - ReadWriteOnce
              resources:
                requests:
                  storage: 1Gi
              volumeMode: Filesystem
        name: eph
      - ephemeral:
          volumeClaimTemplate:
            metadata:
              labels:
                a: b
            spec:
              volumeMode: Filesystem
        name: eph-nospec
      - name: claim
        persistentVolumeClaim:
          claimName: data
`);
  });

  it('env fieldRef and resourceFieldRef, lifecycle httpGet, init containers; ephemeral ones are not a template field', () => {
    const d = kdrive();
    d.cluster.apply(
      docs(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: envs
spec:
  selector:
    matchLabels: {app: envs}
  template:
    metadata:
      labels: {app: envs}
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          env:
            - name: POD
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
      containers:
        - name: app
          image: nginx:1.27
          env:
            - name: PLAIN
              value: x
            - name: NODE
              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
            - name: MEM
              valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
            - name: CPU
              valueFrom: {resourceFieldRef: {resource: requests.cpu}}
            - name: KEY
              valueFrom: {configMapKeyRef: {name: cfg, key: k}}
          lifecycle:
            postStart: {httpGet: {port: 80, path: /hook, scheme: HTTPS}}
            preStop: {httpGet: {port: 80}}
`),
    );
    expect(d.kubectl('get deploy envs -o yaml').exitCode()).toBe(0);
    const out = d.stdout();
    expect(block(out, '      containers:', '      dnsPolicy: ClusterFirst')).toBe(`      containers:
      - env:
        - name: PLAIN
          value: x
        - name: NODE
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: spec.nodeName
        - name: MEM
          valueFrom:
            resourceFieldRef:
              divisor: 1Mi
              resource: limits.memory
        - name: CPU
          valueFrom:
            resourceFieldRef:
              divisor: "0"
              resource: requests.cpu
        - name: KEY
          valueFrom:
            configMapKeyRef:
              key: k
              name: cfg
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        lifecycle:
          postStart:
            httpGet:
              path: /hook
              port: 80
              scheme: HTTPS
          preStop:
            httpGet:
              path: /
              port: 80
              scheme: HTTP
        name: app
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
`);
    // ValidatePodTemplateSpec refuses ephemeral containers in a template (they are only ever added
    // to a running Pod through its ephemeralcontainers subresource).
    const refused = d.cluster.apply(
      docs(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: eph}\nspec:\n  selector: {matchLabels: {app: eph}}\n  template:\n    metadata: {labels: {app: eph}}\n    spec:\n      containers: [{name: app, image: nginx:1.27}]\n      ephemeralContainers: [{name: debug, image: busybox}]\n',
      ),
    );
    expect(refused.map((o) => (o.result.ok ? 'ok' : o.result.error.message))).toEqual([
      'Deployment.apps "eph" is invalid: spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
    ]);
    expect(block(out, '      initContainers:', '      restartPolicy: Always')).toBe(`      initContainers:
      - env:
        - name: POD
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: metadata.name
        image: busybox:1.36
        imagePullPolicy: IfNotPresent
        name: init
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
`);
  });

  it('a template gets neither requests from limits nor host ports; its Pods get both (SetDefaults_Pod)', () => {
    const c = createCluster({ seed: 1 });
    c.apply(
      docs(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: net
spec:
  selector:
    matchLabels: {app: net}
  template:
    metadata:
      labels: {app: net}
    spec:
      hostNetwork: true
      initContainers:
        - name: init
          image: busybox:1.36
          ports: [{containerPort: 7000}]
          resources: {limits: {cpu: 50m}}
      containers:
        - name: app
          image: nginx:1.27
          ports: [{containerPort: 8080}, {containerPort: 8443, hostPort: 8443}, {containerPort: 9090, hostPort: 0}]
          resources:
            limits: {cpu: 250m, memory: 64Mi}
            requests: {cpu: 100m}
        - name: side
          image: nginx:1.27
          resources: {limits: {}}
`),
    );
    const t = c.get('Deployment', 'default', 'net')?.spec.template.spec;
    expect(t.containers[0].resources).toEqual({
      limits: { cpu: '250m', memory: '64Mi' },
      requests: { cpu: '100m' },
    });
    expect(t.containers[0].ports).toEqual([
      { containerPort: 8080, protocol: 'TCP' },
      { containerPort: 8443, hostPort: 8443, protocol: 'TCP' },
      { containerPort: 9090, hostPort: 0, protocol: 'TCP' },
    ]);
    expect(t.initContainers[0].resources).toEqual({ limits: { cpu: '50m' } });
    expect(t.enableServiceLinks).toBeUndefined();
    const rs = c.list('ReplicaSet', { namespace: 'default' })[0];
    expect(rs?.spec.template.spec.containers[0].resources.requests).toEqual({ cpu: '100m' });

    const pods = c.list('Pod', { namespace: 'default' });
    expect(pods).toHaveLength(1);
    const p = pods[0]?.spec;
    expect(p.containers[0].resources).toEqual({
      limits: { cpu: '250m', memory: '64Mi' },
      requests: { cpu: '100m', memory: '64Mi' },
    });
    expect(p.containers[0].ports).toEqual([
      { containerPort: 8080, protocol: 'TCP', hostPort: 8080 },
      { containerPort: 8443, hostPort: 8443, protocol: 'TCP' },
      { containerPort: 9090, hostPort: 9090, protocol: 'TCP' },
    ]);
    expect(p.containers[1].resources).toEqual({ limits: {} });
    expect(p.initContainers[0].resources).toEqual({ limits: { cpu: '50m' }, requests: { cpu: '50m' } });
    expect(p.initContainers[0].ports).toEqual([{ containerPort: 7000, protocol: 'TCP', hostPort: 7000 }]);
    // The template the Pod came from is as it was.
    expect(c.get('Deployment', 'default', 'net')?.spec.template.spec).toEqual(t);
  });

  it('a bare Pod off the host network: requests from limits, no host ports', () => {
    const d = kdrive();
    d.cluster.apply(
      docs(`
apiVersion: v1
kind: Pod
metadata:
  name: solo
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: [{containerPort: 80}]
      resources: {limits: {memory: 32Mi}}
`),
    );
    expect(d.kubectl('get pod solo -o yaml').exitCode()).toBe(0);
    expect(
      block(d.stdout(), '    ports:', '    terminationMessagePath: /dev/termination-log'),
    ).toBe(`    ports:
    - containerPort: 80
      protocol: TCP
    resources:
      limits:
        memory: 32Mi
      requests:
        memory: 32Mi
`);
  });
});

const HASHED = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hashed
spec:
  selector:
    matchLabels: {app: hashed}
  template:
    metadata:
      labels: {app: hashed}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          env:
            - name: NODE
              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
          volumeMounts: [{name: cfg, mountPath: /etc/cfg}]
      volumes:
        - name: cfg
          configMap: {name: cfg}
`;

describe('pod-template-hash of a template with a configMap volume and downward-API env', () => {
  it('is the hash of the spew dump of the defaulted template', () => {
    const c = createCluster({ seed: 1 });
    c.apply(docs(HASHED));
    // The template as the API server stores it, written out by hand from defaults.go.
    const defaulted = {
      metadata: { labels: { app: 'hashed' } },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            env: [
              { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            ],
            volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }],
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } }],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        schedulerName: 'default-scheduler',
      },
    };
    const stored = c.get('Deployment', 'default', 'hashed')?.spec.template;
    expect(stored).toEqual(defaulted);
    const dump = spewTemplate(defaulted);
    expect(dump).toContain(
      'ConfigMap:(*v1.ConfigMapVolumeSource){LocalObjectReference:(v1.LocalObjectReference){Name:(string)cfg} Items:([]v1.KeyToPath)<nil> DefaultMode:(*int32)420 Optional:(*bool)<nil>}',
    );
    expect(dump).toContain(
      'FieldRef:(*v1.ObjectFieldSelector){APIVersion:(string)v1 FieldPath:(string)spec.nodeName}',
    );
    const hash = safeEncodeString(String(fnv32aUtf8(dump)));
    const rs = c.list('ReplicaSet', { namespace: 'default' });
    expect(rs.map((r) => r.metadata.name)).toEqual([`hashed-${hash}`]);
    // Without the defaults the dump (and so the name) would differ.
    const raw = (docs(HASHED)[0] as Any).spec.template;
    expect(safeEncodeString(String(fnv32aUtf8(spewTemplate(raw))))).not.toBe(hash);
  });
});

describe('determinism and updates', () => {
  it('the same input gives the same objects; re-applying it changes nothing (generation 1, same ReplicaSet)', () => {
    const run = () => {
      const d = kdrive();
      d.cluster.apply(docs(`${VOLUMES}---${HASHED}`));
      d.cluster.advance(5_000);
      d.cluster.apply(docs(`${VOLUMES}---${HASHED}`));
      d.cluster.advance(5_000);
      d.kubectl('get deploy,rs,pods -o yaml');
      return d;
    };
    const a = run();
    const b = run();
    expect(a.stdout()).toBe(b.stdout());
    for (const name of ['vols', 'hashed'])
      expect(a.cluster.get('Deployment', 'default', name)?.metadata.generation).toBe(1);
    expect(a.cluster.list('ReplicaSet', { namespace: 'default' })).toHaveLength(2);
  });

  it('an update that drops a default gets it again; an explicit value is kept', () => {
    const c = createCluster({ seed: 1 });
    c.apply(docs(HASHED));
    const d = c.get('Deployment', 'default', 'hashed') as Any;
    const tmpl = structuredClone(d.spec.template);
    delete tmpl.spec.volumes[0].configMap.defaultMode;
    tmpl.spec.containers[0].env[0].valueFrom.fieldRef.apiVersion = '';
    const r = c.update({ ...d, spec: { ...d.spec, template: tmpl } });
    expect(r.ok).toBe(true);
    const after = c.get('Deployment', 'default', 'hashed') as Any;
    expect(after.spec.template).toEqual(d.spec.template);
    expect(after.metadata.generation).toBe(1);
    tmpl.spec.volumes[0].configMap.defaultMode = 256;
    expect(c.update({ ...after, spec: { ...after.spec, template: tmpl } }).ok).toBe(true);
    const changed = c.get('Deployment', 'default', 'hashed') as Any;
    expect(changed.spec.template.spec.volumes[0].configMap.defaultMode).toBe(256);
    expect(changed.spec.template.spec.containers[0].env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
    expect(changed.metadata.generation).toBe(2);
  });
});
