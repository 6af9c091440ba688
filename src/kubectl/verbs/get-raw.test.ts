// kubectl get --raw (get-raw.ts, get-raw-json.ts, get-raw-discovery.ts): the API server's bytes
// for discovery, objects and lists; client-go's error lines; get's --raw flag checks.
import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import { kdrive } from '../testing';
import { discoveryGroups } from './get-raw-discovery';
import { indentJson, marshalTyped } from './get-raw-json';

const NOT_FOUND = 'Error from server (NotFound): the server could not find the requested resource\n';

function web() {
  return kdrive({ seed: 1 }).kubectl('create deployment web --image=nginx').advance(30_000);
}

describe('kubectl get --raw: discovery', () => {
  it('/api is APIVersions with the advertise address and the secure port, no apiVersion key', () => {
    const expected = {
      'docker-desktop': '192.168.65.3:6443',
      kind: '172.18.0.2:6443',
      k3s: '172.28.132.127:6444',
    } as const;
    for (const [profile, addr] of Object.entries(expected)) {
      const d = kdrive({ seed: 1, profile: profile as keyof typeof expected }).kubectl('get --raw /api');
      expect(d.stdout()).toBe(
        `{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"${addr}"}]}\n`,
      );
      expect(d.exitCode()).toBe(0);
    }
  });

  it('/apis lists apiregistration first, then by group priority, ties by APIService name', () => {
    expect(discoveryGroups('docker-desktop').map((g) => g.name)).toEqual([
      'apiregistration.k8s.io',
      'apps',
      'events.k8s.io',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'autoscaling',
      'batch',
      'certificates.k8s.io',
      'networking.k8s.io',
      'policy',
      'rbac.authorization.k8s.io',
      'storage.k8s.io',
      'admissionregistration.k8s.io',
      'apiextensions.k8s.io',
      'scheduling.k8s.io',
      'coordination.k8s.io',
      'node.k8s.io',
      'discovery.k8s.io',
      'resource.k8s.io',
      'flowcontrol.apiserver.k8s.io',
    ]);
    // k3s: its CRD groups (priority 1000, by name), then metrics-server's aggregated API (100).
    expect(
      discoveryGroups('k3s')
        .slice(-4)
        .map((g) => g.name),
    ).toEqual(['helm.cattle.io', 'k3s.cattle.io', 'traefik.io', 'metrics.k8s.io']);
  });

  it('/apis is compact APIGroupList JSON with the preferred version first', () => {
    const out = kdrive({ seed: 1 }).kubectl('get --raw /apis').stdout();
    expect(
      out.startsWith(
        '{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apiregistration.k8s.io","versions":[{"groupVersion":"apiregistration.k8s.io/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apiregistration.k8s.io/v1","version":"v1"}},{"name":"apps",',
      ),
    ).toBe(true);
    expect(out).toContain(
      '{"name":"autoscaling","versions":[{"groupVersion":"autoscaling/v2","version":"v2"},{"groupVersion":"autoscaling/v1","version":"v1"}],"preferredVersion":{"groupVersion":"autoscaling/v2","version":"v2"}}',
    );
    expect(out.endsWith('}]}\n')).toBe(true);
    expect(JSON.parse(out).groups).toHaveLength(20);
  });

  it('/apis/<group> is one APIGroup; an unknown group or version is a 404', () => {
    const d = kdrive({ seed: 1 }).kubectl('get --raw /apis/apps');
    expect(d.stdout()).toBe(
      '{"kind":"APIGroup","apiVersion":"v1","name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}\n',
    );
    d.kubectl('get --raw /apis/batch?pretty=1');
    expect(d.stdout()).toBe(`{
  "kind": "APIGroup",
  "apiVersion": "v1",
  "name": "batch",
  "versions": [
    {
      "groupVersion": "batch/v1",
      "version": "v1"
    }
  ],
  "preferredVersion": {
    "groupVersion": "batch/v1",
    "version": "v1"
  }
}`);
    for (const p of ['/apis/nope.example.com', '/apis/apps/v1beta1/deployments', '/api/v2']) {
      d.kubectl(`get --raw ${p}`);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NOT_FOUND, 1]);
    }
  });
});

describe('kubectl get --raw: health endpoints', () => {
  it('answers ok without a newline for /healthz, /livez, /readyz and their ping check', () => {
    const d = kdrive({ seed: 1 });
    for (const p of ['/healthz', '/livez', '/readyz', '/readyz/ping', '/healthz/log']) {
      d.kubectl(`get --raw ${p}`);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['ok', '', 0]);
    }
  });

  it('leaves ?verbose out with a notice', () => {
    const d = kdrive({ seed: 1 }).kubectl('get --raw /readyz?verbose');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toBe(
      `error: "kubectl get --raw /readyz?verbose" is not available in this playground: /readyz?verbose (the server's list of checks) is not simulated.\n`,
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl get --raw: objects and lists', () => {
  it('an object is the compact JSON of its Go struct with a trailing newline', () => {
    const d = kdrive({ seed: 1 }).kubectl('get --raw /api/v1/namespaces/default/services/kubernetes');
    const svc = d.cluster.get('Service', 'default', 'kubernetes') as K8sObject;
    expect(d.stdout()).toBe(
      `{"kind":"Service","apiVersion":"v1","metadata":{"name":"kubernetes","namespace":"default","uid":"${svc.metadata.uid}","resourceVersion":"${svc.metadata.resourceVersion}","creationTimestamp":"${svc.metadata.creationTimestamp}","labels":{"component":"apiserver","provider":"kubernetes"}},"spec":{"ports":[{"name":"https","protocol":"TCP","port":443,"targetPort":6443}],"clusterIP":"10.96.0.1","clusterIPs":["10.96.0.1"],"type":"ClusterIP","sessionAffinity":"None","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack","internalTrafficPolicy":"Cluster"},"status":{"loadBalancer":{}}}\n`,
    );
  });

  it('?pretty=true indents with two spaces and writes no newline; Endpoints warn on stderr', () => {
    const d = kdrive({ seed: 1 }).kubectl(
      'get --raw /api/v1/namespaces/default/endpoints/kubernetes?pretty=true',
    );
    const ep = d.cluster.get('Endpoints', 'default', 'kubernetes') as K8sObject;
    expect(d.stderr()).toBe(
      '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    expect(d.stdout()).toBe(`{
  "kind": "Endpoints",
  "apiVersion": "v1",
  "metadata": {
    "name": "kubernetes",
    "namespace": "default",
    "uid": "${ep.metadata.uid}",
    "resourceVersion": "${ep.metadata.resourceVersion}",
    "creationTimestamp": "${ep.metadata.creationTimestamp}",
    "labels": {
      "endpointslice.kubernetes.io/skip-mirror": "true"
    }
  },
  "subsets": [
    {
      "addresses": [
        {
          "ip": "192.168.65.3"
        }
      ],
      "ports": [
        {
          "name": "https",
          "port": 6443,
          "protocol": "TCP"
        }
      ]
    }
  ]
}`);
  });

  it('a list is <Kind>List with the store revision, items without kind/apiVersion', () => {
    const d = web().kubectl('get --raw /apis/apps/v1/namespaces/default/deployments');
    const dep = d.cluster.get('Deployment', 'default', 'web') as K8sObject;
    const out = d.stdout();
    const rvs = KIND_NAMES.flatMap((k) => d.cluster.list(k).map((o) => Number(o.metadata.resourceVersion)));
    const rv = JSON.parse(out).metadata.resourceVersion;
    expect(Number(rv)).toBeGreaterThanOrEqual(Math.max(...rvs));
    expect(out).toBe(
      `{"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"resourceVersion":"${rv}"},"items":[${marshalTyped(
        { ...dep, kind: undefined, apiVersion: undefined },
        'apps.Deployment',
      )}]}\n`,
    );
    expect(out).toContain('"items":[{"metadata":{"name":"web",');
    // The template's zero creationTimestamp is a struct: encoding/json writes null.
    expect(out).toContain('"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}}');
  });

  it('an empty list has "items":[]; all namespaces and cluster-scoped collections work', () => {
    const d = kdrive({ seed: 1 }).kubectl('get --raw /api/v1/namespaces/nope/pods');
    expect(d.stdout()).toMatch(
      /^\{"kind":"PodList","apiVersion":"v1","metadata":\{"resourceVersion":"\d+"\},"items":\[\]\}\n$/,
    );
    d.kubectl('get --raw /api/v1/pods');
    const all = JSON.parse(d.stdout());
    expect(all.items.map((p: K8sObject) => p.metadata.namespace)).toEqual(
      d.cluster.list('Pod').map((p) => p.metadata.namespace),
    );
    d.kubectl('get --raw /api/v1/nodes');
    expect(JSON.parse(d.stdout()).items.map((n: K8sObject) => n.metadata.name)).toEqual(['docker-desktop']);
    d.kubectl('get --raw /api/v1/namespaces/kube-system');
    expect(
      d.stdout().startsWith('{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"kube-system",'),
    ).toBe(true);
  });

  it('?labelSelector= and ?fieldSelector= filter; a bad selector is a BadRequest', () => {
    const d = web().kubectl('get --raw /api/v1/pods?labelSelector=app%3Dweb');
    expect(JSON.parse(d.stdout()).items.map((p: K8sObject) => p.metadata.labels?.app)).toEqual(['web']);
    d.kubectl('get --raw /api/v1/namespaces/kube-system/pods?fieldSelector=metadata.name%3Dnope');
    expect(JSON.parse(d.stdout()).items).toEqual([]);
    d.kubectl('get --raw /api/v1/pods?labelSelector=a%20b');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toMatch(/^Error from server \(BadRequest\): .+\n$/);
    expect(d.exitCode()).toBe(1);
  });

  it('the status subresource is the whole object; kinds without one and unknown paths are 404s', () => {
    const d = web().kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/web');
    const whole = d.stdout();
    d.kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/web/status');
    expect(d.stdout()).toBe(whole);
    for (const p of [
      '/api/v1/namespaces/default/configmaps/kube-root-ca.crt/status',
      '/api/v1/namespaces/default/pods/x/nope',
      '/api/v1/namespaces/default/nodes',
      '/api/v1/namespaces/default/widgets',
      '/nope',
    ]) {
      d.kubectl(`get --raw ${p}`);
      expect([p, d.stdout(), d.stderr(), d.exitCode()]).toEqual([p, '', NOT_FOUND, 1]);
    }
  });

  it("a missing object is the Status message, group-qualified for a group's resource", () => {
    const d = kdrive({ seed: 1 }).kubectl('get --raw /api/v1/namespaces/default/pods/nope');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ]);
    d.kubectl(
      'get --raw https://kubernetes.docker.internal:6443/apis/apps/v1/namespaces/default/deployments/nope',
    );
    expect(d.stderr()).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('every field the store holds survives the struct encoding (no field is dropped)', () => {
    const d = web();
    d.kubectl('expose deployment web --port=80 --type=LoadBalancer').advance(5_000);
    const lost: string[] = [];
    const walk = (a: unknown, b: unknown, path: string) => {
      if (a === undefined || a === null || a === false || a === 0 || a === '') return;
      if (Array.isArray(a)) {
        if (a.length && !Array.isArray(b)) lost.push(path);
        else for (const [i, x] of a.entries()) walk(x, (b as unknown[])[i], `${path}[${i}]`);
      } else if (typeof a === 'object') {
        const o = a as Record<string, unknown>;
        if (Object.keys(o).length && (b === null || typeof b !== 'object')) lost.push(path);
        else for (const k of Object.keys(o)) walk(o[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      } else if (a !== b) lost.push(path);
    };
    let walked = 0;
    for (const kind of KIND_NAMES) {
      for (const o of d.cluster.list(kind)) {
        walked++;
        d.kubectl(`get --raw ${selfPath(kind, o)}`);
        expect(d.exitCode()).toBe(0);
        walk(o, JSON.parse(d.stdout()), `${kind}/${o.metadata.name}`);
      }
    }
    expect(lost).toEqual([]);
    expect(walked).toBeGreaterThan(40);
  });
});

function selfPath(kind: string, o: K8sObject): string {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  const resource =
    {
      Endpoints: 'endpoints',
      StorageClass: 'storageclasses',
      PersistentVolumeClaim: 'persistentvolumeclaims',
      PersistentVolume: 'persistentvolumes',
      EndpointSlice: 'endpointslices',
    }[kind] ?? `${kind.toLowerCase()}s`;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const ns = o.metadata.namespace ? `/namespaces/${o.metadata.namespace}` : '';
  return `${base}${ns}/${resource}/${o.metadata.name}`;
}

describe('kubectl get --raw: flag checks', () => {
  it("prints Complete's and Validate's errors in kubectl's order", () => {
    const d = kdrive({ seed: 1 });
    const cases: [string, string][] = [
      ['get pods --raw /api', 'error: arguments may not be passed when --raw is specified\n'],
      [
        'get --raw /api -w',
        'error: --raw may not be specified with other flags that filter the server request or alter the output\n',
      ],
      [
        'get --raw /api -l app=x',
        'error: --raw may not be specified with other flags that filter the server request or alter the output\n',
      ],
      ['get --raw /api -o yaml', 'error: --raw and --output are mutually exclusive\n'],
      [
        'get --raw api/v1',
        'error: --raw must be a valid URL path: parse "api/v1": invalid URI for request\n',
      ],
    ];
    for (const [cmd, err] of cases) {
      d.kubectl(cmd);
      expect([cmd, d.stdout(), d.stderr(), d.exitCode()]).toEqual([cmd, '', err, 1]);
    }
  });

  it('get --help lists --raw with its help text', () => {
    const out = kdrive({ seed: 1 }).kubectl('get --help').stdout();
    expect(out).toContain(
      "    --raw='':\n\tRaw URI to request from the server.  Uses the transport specified by the kubeconfig file.\n",
    );
  });
});

describe('indentJson', () => {
  it('is json.MarshalIndent of the compact text (empty {} and [] stay)', () => {
    expect(indentJson('{"a":[1,{"b":{}}],"c":[],"d":"x,{:}"}')).toBe(
      '{\n  "a": [\n    1,\n    {\n      "b": {}\n    }\n  ],\n  "c": [],\n  "d": "x,{:}"\n}',
    );
  });
});
