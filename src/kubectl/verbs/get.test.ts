import { describe, expect, it } from 'vitest';
import { parseFlags } from '../flags';
import { getVerb } from './get';
import { deployment, endpoints, FakeCluster, pod, replicaSet, runVerb, service, T0 } from './read-fixtures';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const NOW = T0 + 10 * D;

function kubectlGet(c: FakeCluster, line: string) {
  return runGet(
    c,
    line.split(' ').filter((a) => a !== ''),
  );
}
function runGet(c: FakeCluster, argv: string[]) {
  return runVerb(getVerb, c.asCluster(), argv, (a) => {
    const p = parseFlags(a, getVerb.flags);
    return p.ok ? p : `error: ${p.message}\n`;
  });
}

function chapterServices(): FakeCluster {
  return new FakeCluster(NOW).add(
    service('kubernetes', NOW - (6 * D + 22 * H), {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    }),
    service('numbers-api', NOW - 32 * S, {
      type: 'ClusterIP',
      selector: { app: 'numbers-api' },
      clusterIPs: ['10.108.103.175'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    }),
    service(
      'numbers-web',
      NOW - 5 * S,
      {
        type: 'LoadBalancer',
        selector: { app: 'numbers-web' },
        clusterIPs: ['10.101.94.89'],
        ports: [{ port: 8080, protocol: 'TCP', targetPort: 80, nodePort: 30122 }],
      },
      { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
    ),
    service('numbers-web-node', NOW - 3 * S, {
      type: 'NodePort',
      selector: { app: 'numbers-web' },
      clusterIPs: ['10.104.25.7'],
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
    }),
    service('sleep-2', NOW - 47 * H, {
      type: 'ClusterIP',
      selector: { app: 'sleep-2' },
      clusterIPs: ['10.98.2.165'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    }),
    service(
      'kube-dns',
      NOW - (6 * D + 22 * H),
      {
        type: 'ClusterIP',
        selector: { 'k8s-app': 'kube-dns' },
        clusterIPs: ['10.96.0.10'],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
      { loadBalancer: {} },
      'kube-system',
    ),
  );
}

describe('kubectl get svc (reference §B6, §B12)', () => {
  it('prints the chapter services table exactly', () => {
    const r = kubectlGet(chapterServices(), 'svc');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'NAME               TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)          AGE\n' +
        'kubernetes         ClusterIP      10.96.0.1        <none>        443/TCP          6d22h\n' +
        'numbers-api        ClusterIP      10.108.103.175   <none>        80/TCP           32s\n' +
        'numbers-web        LoadBalancer   10.101.94.89     localhost     8080:30122/TCP   5s\n' +
        'numbers-web-node   NodePort       10.104.25.7      <none>        8080:30080/TCP   3s\n' +
        'sleep-2            ClusterIP      10.98.2.165      <none>        80/TCP           47h\n',
    );
  });

  it('-n kube-system shows kube-dns with three ports', () => {
    expect(kubectlGet(chapterServices(), 'svc -n kube-system').stdout).toBe(
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
        'kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   6d22h\n',
    );
  });

  it('ExternalName: <none> cluster IP and ports, the external name as EXTERNAL-IP', () => {
    const c = new FakeCluster(NOW).add(
      service('numbers-api', NOW - 6 * S, {
        type: 'ExternalName',
        externalName: 'raw.githubusercontent.com',
      }),
    );
    expect(kubectlGet(c, 'svc numbers-api').stdout).toBe(
      'NAME          TYPE           CLUSTER-IP   EXTERNAL-IP                 PORT(S)   AGE\n' +
        'numbers-api   ExternalName   <none>       raw.githubusercontent.com   <none>    6s\n',
    );
  });

  it('LoadBalancer: <pending>, sorted ingress, 16-char truncation unless wide; headless None; SELECTOR', () => {
    const c = new FakeCluster(NOW).add(
      service('a', NOW, {
        type: 'LoadBalancer',
        clusterIPs: ['10.96.5.5'],
        ports: [{ port: 80, protocol: 'TCP', nodePort: 31000 }],
      }),
      service(
        'b',
        NOW,
        {
          type: 'LoadBalancer',
          clusterIPs: ['10.96.5.6'],
          ports: [{ port: 80, protocol: 'TCP', nodePort: 31001 }],
        },
        { loadBalancer: { ingress: [{ ip: '172.18.0.3' }, { ip: '172.18.0.2' }] } },
      ),
      service('h', NOW, {
        type: 'ClusterIP',
        clusterIP: 'None',
        clusterIPs: ['None'],
        selector: { app: 'x' },
        ports: [{ port: 80, protocol: 'TCP' }],
      }),
    );
    expect(kubectlGet(c, 'svc').stdout).toBe(
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP        PORT(S)        AGE\n' +
        'a      LoadBalancer   10.96.5.5    <pending>          80:31000/TCP   0s\n' +
        // printers.go: r[0:loadBalancerWidth-3] + "..." (16 characters in all).
        'b      LoadBalancer   10.96.5.6    172.18.0.2,17...   80:31001/TCP   0s\n' +
        'h      ClusterIP      None         <none>             80/TCP         0s\n',
    );
    expect(kubectlGet(c, 'svc b -o wide').stdout).toBe(
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP             PORT(S)        AGE   SELECTOR\n' +
        'b      LoadBalancer   10.96.5.6    172.18.0.2,172.18.0.3   80:31001/TCP   0s    <none>\n',
    );
  });
});

function chapterWorkloads(): FakeCluster {
  return new FakeCluster(NOW).add(
    pod('numbers-api-7c599bfcf6-fd4qz', NOW - 32 * S, {
      app: 'numbers-api',
      hash: '7c599bfcf6',
      ip: '10.1.0.33',
    }),
    pod('sleep-1-8f68bd59d-4s7j5', NOW - (5 * M + 12 * S), {
      app: 'sleep-1',
      hash: '8f68bd59d',
      ip: '10.1.0.28',
    }),
    pod('sleep-2-bd8bc78c7-c7xb2', NOW - 2 * S, {
      app: 'sleep-2',
      hash: 'bd8bc78c7',
      waiting: 'ContainerCreating',
    }),
    deployment('numbers-api', NOW - 25 * M, 1),
    replicaSet('numbers-api-7c599bfcf6', NOW - 25 * M, 'numbers-api', '7c599bfcf6', 1),
  );
}

describe('kubectl get pods (reference §B3)', () => {
  it('computes READY and STATUS and pads the columns', () => {
    const r = kubectlGet(chapterWorkloads(), 'get pods'.replace('get ', ''));
    expect(r.stdout).toBe(
      'NAME                           READY   STATUS              RESTARTS   AGE\n' +
        'numbers-api-7c599bfcf6-fd4qz   1/1     Running             0          32s\n' +
        'sleep-1-8f68bd59d-4s7j5        1/1     Running             0          5m12s\n' +
        'sleep-2-bd8bc78c7-c7xb2        0/1     ContainerCreating   0          2s\n',
    );
  });

  it('-o wide adds IP NODE NOMINATED NODE READINESS GATES with <none>', () => {
    const r = kubectlGet(
      chapterWorkloads(),
      'po -l app in (sleep-1,sleep-2) -o wide'.replace('app in (sleep-1,sleep-2)', 'app!=numbers-api'),
    );
    expect(r.stdout).toBe(
      'NAME                      READY   STATUS              RESTARTS   AGE     IP          NODE             NOMINATED NODE   READINESS GATES\n' +
        'sleep-1-8f68bd59d-4s7j5   1/1     Running             0          5m12s   10.1.0.28   docker-desktop   <none>           <none>\n' +
        'sleep-2-bd8bc78c7-c7xb2   0/1     ContainerCreating   0          2s      <none>      docker-desktop   <none>           <none>\n',
    );
  });

  it('Terminating, restarts "N (Xm ago)", --show-labels, -A', () => {
    const c = new FakeCluster(NOW).add(
      pod('a-1', NOW - 10 * M, { app: 'a', hash: 'h', ip: '10.1.0.5', deleting: true }),
      pod('b-1', NOW - 10 * M, {
        app: 'b',
        hash: 'h',
        ip: '10.1.0.6',
        restarts: 2,
        lastFinished: NOW - 13 * S,
      }),
    );
    expect(kubectlGet(c, 'pods --show-labels').stdout).toBe(
      'NAME   READY   STATUS        RESTARTS      AGE   LABELS\n' +
        'a-1    1/1     Terminating   0             10m   app=a,pod-template-hash=h\n' +
        'b-1    1/1     Running       2 (13s ago)   10m   app=b,pod-template-hash=h\n',
    );
    expect(kubectlGet(c, 'pods -A --no-headers').stdout).toBe(
      'default   a-1   1/1   Terminating   0             10m\n' +
        'default   b-1   1/1   Running       2 (13s ago)   10m\n',
    );
  });

  it('no match: "No resources found in default namespace." on stderr, exit 0; -A drops the namespace', () => {
    const r = kubectlGet(chapterWorkloads(), 'pod -l app=nomatch');
    expect(r).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 });
    expect(kubectlGet(new FakeCluster(NOW), 'pods -A').stderr).toBe('No resources found\n');
    expect(kubectlGet(new FakeCluster(NOW), 'pods -n kube-system').stderr).toBe(
      'No resources found in kube-system namespace.\n',
    );
  });

  it('NotFound errors use the plural (and group) resource, exit 1', () => {
    expect(kubectlGet(chapterWorkloads(), 'pod x')).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "x" not found\n',
      code: 1,
    });
    expect(kubectlGet(chapterWorkloads(), 'deploy/sleep-1').stderr).toBe(
      'Error from server (NotFound): deployments.apps "sleep-1" not found\n',
    );
    const r = kubectlGet(chapterWorkloads(), 'pod numbers-api-7c599bfcf6-fd4qz nope');
    expect(r.stdout).toBe(
      'NAME                           READY   STATUS    RESTARTS   AGE\n' +
        'numbers-api-7c599bfcf6-fd4qz   1/1     Running   0          32s\n',
    );
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.code).toBe(1);
  });

  it('unknown types and bad argument mixes get kubectl’s messages', () => {
    expect(kubectlGet(chapterWorkloads(), 'podz')).toMatchObject({
      stderr: 'error: the server doesn\'t have a resource type "podz"\n',
      code: 1,
    });
    expect(kubectlGet(chapterWorkloads(), 'pod -l app=sleep-2 output').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
    const none = kubectlGet(chapterWorkloads(), '');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error: Required resource not specified.\n');
    expect(kubectlGet(chapterWorkloads(), 'pods -o go-template').stderr).toBe(
      'error: unable to match a printer suitable for the output format "go-template", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe('kubectl get all / several types (reference §B8)', () => {
  it('prints kind-prefixed sections with their own widths and one blank line between', () => {
    const c = new FakeCluster(NOW).add(
      pod('numbers-api-7c599bfcf6-rztxn', NOW - 4 * M, {
        app: 'numbers-api',
        hash: '7c599bfcf6',
        ip: '10.1.0.40',
      }),
      service('kubernetes', NOW - (6 * D + 22 * H), {
        type: 'ClusterIP',
        clusterIPs: ['10.96.0.1'],
        ports: [{ port: 443, protocol: 'TCP' }],
      }),
      service('numbers-api', NOW - 20 * M, {
        type: 'ClusterIP',
        clusterIPs: ['10.108.103.175'],
        ports: [{ port: 80, protocol: 'TCP' }],
      }),
      deployment('numbers-api', NOW - 25 * M, 1),
      replicaSet('numbers-api-7c599bfcf6', NOW - 25 * M, 'numbers-api', '7c599bfcf6', 1),
    );
    expect(kubectlGet(c, 'all').stdout).toBe(
      'NAME                               READY   STATUS    RESTARTS   AGE\n' +
        'pod/numbers-api-7c599bfcf6-rztxn   1/1     Running   0          4m\n' +
        '\n' +
        'NAME                  TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes    ClusterIP   10.96.0.1        <none>        443/TCP   6d22h\n' +
        'service/numbers-api   ClusterIP   10.108.103.175   <none>        80/TCP    20m\n' +
        '\n' +
        'NAME                          READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/numbers-api   1/1     1            1           25m\n' +
        '\n' +
        'NAME                                     DESIRED   CURRENT   READY   AGE\n' +
        'replicaset.apps/numbers-api-7c599bfcf6   1         1         1       25m\n',
    );
  });

  it('after cleanup only service/kubernetes remains, still prefixed', () => {
    const c = new FakeCluster(NOW).add(
      service('kubernetes', NOW - 8 * S, {
        type: 'ClusterIP',
        clusterIPs: ['10.96.0.1'],
        ports: [{ port: 443, protocol: 'TCP' }],
      }),
    );
    expect(kubectlGet(c, 'all').stdout).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   8s\n',
    );
  });

  it('deploy,rs -o wide adds CONTAINERS IMAGES SELECTOR', () => {
    expect(kubectlGet(chapterWorkloads(), 'deploy,rs -o wide').stdout).toBe(
      'NAME                          READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES              SELECTOR\n' +
        'deployment.apps/numbers-api   1/1     1            1           25m   sleep        kiamol/ch03-sleep   app=numbers-api\n' +
        '\n' +
        'NAME                                     DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES              SELECTOR\n' +
        'replicaset.apps/numbers-api-7c599bfcf6   1         1         1       25m   sleep        kiamol/ch03-sleep   app=numbers-api,pod-template-hash=7c599bfcf6\n',
    );
  });
});

describe('kubectl get endpoints (reference §B7)', () => {
  it('warns on stderr, lists ready addresses, 3 + N more, <none>', () => {
    const addrs = ['10.1.0.10', '10.1.0.11', '10.1.0.12', '10.1.0.9'].map((ip) => ({ ip }));
    const c = new FakeCluster(NOW).add(
      endpoints('numbers-api', NOW - 79 * S, [
        { addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80, protocol: 'TCP' }] },
      ]),
      endpoints('sleep-2', NOW - 39 * M),
      endpoints('web', NOW - 2 * M, [
        {
          addresses: addrs,
          notReadyAddresses: [{ ip: '10.1.0.99' }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ]),
    );
    const r = kubectlGet(c, 'ep');
    expect(r.stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    expect(r.stdout).toBe(
      'NAME          ENDPOINTS                                            AGE\n' +
        'numbers-api   192.168.123.234:80                                   79s\n' +
        'sleep-2       <none>                                               39m\n' +
        'web           10.1.0.10:80,10.1.0.11:80,10.1.0.12:80 + 1 more...   2m\n',
    );
  });
});

describe('kubectl get -o jsonpath|yaml|json|name|custom-columns', () => {
  it('the book’s jsonpath: a List even for one match, no trailing newline', () => {
    const r = kubectlGet(chapterWorkloads(), 'pod -l app=sleep-1 --output jsonpath={.items[0].status.podIP}');
    expect(r).toMatchObject({ stdout: '10.1.0.28', stderr: '', code: 0 });
    expect(
      kubectlGet(chapterWorkloads(), 'pod sleep-1-8f68bd59d-4s7j5 -o jsonpath={.items[0].status.podIP}')
        .stdout,
    ).toBe('');
    expect(
      kubectlGet(chapterWorkloads(), 'pod sleep-1-8f68bd59d-4s7j5 -o jsonpath={.status.podIP}').stdout,
    ).toBe('10.1.0.28');
  });

  it('empty list: the out-of-bounds error with the dump, no "No resources found"', () => {
    const r = kubectlGet(chapterWorkloads(), 'pod -l app=nomatch -o jsonpath={.items[0].status.podIP}');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: error executing jsonpath "{.items[0].status.podIP}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.items[0].status.podIP}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n',
    );
  });

  it('custom-columns over the list; header only when empty', () => {
    expect(
      kubectlGet(
        chapterWorkloads(),
        'pod -l app=numbers-api -o custom-columns=NAME:metadata.name,POD_IP:status.podIP',
      ).stdout,
    ).toBe('NAME                           POD_IP\nnumbers-api-7c599bfcf6-fd4qz   10.1.0.33\n');
    expect(
      kubectlGet(chapterWorkloads(), 'pod -l app=none -o custom-columns=NAME:metadata.name'),
    ).toMatchObject({
      stdout: 'NAME\n',
      stderr: '',
    });
  });

  it('-o name prints kind.group/name', () => {
    expect(kubectlGet(chapterWorkloads(), 'deploy,pods -o name').stdout).toBe(
      'deployment.apps/numbers-api\npod/numbers-api-7c599bfcf6-fd4qz\npod/sleep-1-8f68bd59d-4s7j5\npod/sleep-2-bd8bc78c7-c7xb2\n',
    );
  });

  it('-o yaml wraps several objects in a List with resourceVersion ""', () => {
    const c = new FakeCluster(NOW).add(
      service('sleep-2', T0, {
        type: 'ClusterIP',
        selector: { app: 'sleep-2' },
        clusterIP: '10.98.2.165',
        clusterIPs: ['10.98.2.165'],
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    );
    expect(kubectlGet(c, 'svc -o yaml').stdout).toBe(
      [
        'apiVersion: v1',
        'items:',
        '- apiVersion: v1',
        '  kind: Service',
        '  metadata:',
        '    creationTimestamp: "2026-01-01T00:00:00Z"',
        '    name: sleep-2',
        '    namespace: default',
        '    resourceVersion: "1"',
        '    uid: uid-sleep-2',
        '  spec:',
        '    clusterIP: 10.98.2.165',
        '    clusterIPs:',
        '    - 10.98.2.165',
        '    ports:',
        '    - port: 80',
        '      protocol: TCP',
        '      targetPort: 80',
        '    selector:',
        '      app: sleep-2',
        '    sessionAffinity: None',
        '    type: ClusterIP',
        '  status:',
        '    loadBalancer: {}',
        'kind: List',
        'metadata:',
        '  resourceVersion: ""',
        '',
      ].join('\n'),
    );
    const json = kubectlGet(c, 'svc sleep-2 -o json').stdout;
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n')).toBe(
      true,
    );
    expect(JSON.parse(json).spec.clusterIP).toBe('10.98.2.165');
  });
});
