// kubectl expose against the simulated cluster: exact outputs (kubectl 1.34 expose.go and
// polymorphichelpers messages), the Service it creates, and that Service routing traffic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../sim/api/types';
import { kdrive } from '../testing';

/** A Deployment with labels, several container ports (one UDP) and a named one. */
const MULTI = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: multi
  labels:
    team: blue
    tier: back
spec:
  selector:
    matchLabels:
      app: multi
  template:
    metadata:
      labels:
        app: multi
    spec:
      containers:
        - name: a
          image: nginx
          ports:
            - containerPort: 80
              name: http
            - containerPort: 53
              protocol: UDP
        - name: b
          image: nginx
          ports:
            - containerPort: 8443
`;

/** Port 80 declared by two containers: kubectl keeps the port once but both protocols entries. */
const TWICE = MULTI.replace(
  '- containerPort: 8443',
  '- containerPort: 80\n            - containerPort: 8443',
);

/** The same port under TCP and UDP (a DNS server). */
const DNS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dns
spec:
  selector:
    matchLabels:
      app: dns
  template:
    metadata:
      labels:
        app: dns
    spec:
      containers:
        - name: dns
          image: nginx
          ports:
            - containerPort: 53
              protocol: UDP
            - containerPort: 53
              protocol: TCP
`;

const EXPRESSIONS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: expr
spec:
  selector:
    matchLabels:
      app: expr
    matchExpressions:
      - key: tier
        operator: In
        values: [a, b]
      - key: canary
        operator: DoesNotExist
  template:
    metadata:
      labels:
        app: expr
        tier: a
    spec:
      containers:
        - name: c
          image: nginx
`;

const BARE_POD = `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
    - name: c
      image: nginx
      ports:
        - containerPort: 80
`;

const LABELLED_POD = BARE_POD.replace('name: bare', 'name: lab\n  labels:\n    app: lab\n    role: web');

const NO_SELECTOR_SVC = `apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
  ports:
    - port: 80
`;

function svc(d: ReturnType<typeof kdrive>, name: string, ns = 'default'): Service | undefined {
  return d.cluster.get('Service', ns, name) as Service | undefined;
}

describe('kubectl expose: the book’s Deployments', () => {
  it('needs --port for sleep-2 (no container ports), then routes to its Pod', () => {
    const d = kdrive({ seed: 3 }).kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml').advance(30_000);
    d.kubectl('expose deploy sleep-2');
    expect(d.stderr()).toBe("error: couldn't find port via --port flag or introspection\n");
    expect(d.stdout()).toBe('');
    expect(d.exitCode()).toBe(1);
    expect(svc(d, 'sleep-2')).toBeUndefined();

    d.kubectl('expose deploy sleep-2 --port 80');
    expect(d.text()).toBe('service/sleep-2 exposed\n');
    expect(d.exitCode()).toBe(0);
    const s = svc(d, 'sleep-2') as Service;
    expect(s.metadata.labels).toBeUndefined(); // the Deployment has none to copy
    expect(s.spec.selector).toEqual({ app: 'sleep-2' });
    expect(s.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(s.spec.type).toBe('ClusterIP');
    expect(s.spec.clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/);

    const pod = d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=sleep-2' })[0] as Pod;
    d.advance(2_000).kubectl(
      'get endpoints sleep-2 -o jsonpath={.subsets[0].addresses[0].ip}:{.subsets[0].ports[0].port}',
    );
    expect(d.stdout()).toBe(`${pod.status?.podIP}:80`);
    d.kubectl('exec deploy/sleep-1 -- nslookup sleep-2');
    expect(d.stdout()).toContain(`Name:\tsleep-2.default.svc.cluster.local\nAddress: ${s.spec.clusterIP}\n`);

    d.kubectl('expose deploy sleep-2 --port 80');
    expect(d.text()).toBe('Error from server (AlreadyExists): services "sleep-2" already exists\n');
    expect(d.exitCode()).toBe(1);
  });

  it('a request from a Pod reaches numbers-api through the exposed Service', () => {
    const d = kdrive({ seed: 5 }).kubectl('apply -f sleep/sleep1.yaml -f numbers/api.yaml').advance(60_000);
    d.kubectl('expose deployment numbers-api --port=80 --target-port=80');
    expect(d.text()).toBe('service/numbers-api exposed\n');
    d.advance(2_000).kubectl('exec deploy/sleep-1 -- curl -s http://numbers-api/rng');
    expect(d.exitCode()).toBe(0);
    expect(d.stdout()).toMatch(/^\d+$/);
    d.kubectl('exec deploy/sleep-1 -- wget -qO- http://numbers-api/rng');
    expect(d.exitCode()).toBe(0);
    expect(d.stdout()).toMatch(/^\d+$/);
    d.kubectl('delete svc numbers-api').kubectl('exec deploy/sleep-1 -- curl -s http://numbers-api/rng');
    expect(d.exitCode()).not.toBe(0);
  });
});

describe('kubectl expose: introspection', () => {
  it('several ports become port-N, protocols and labels come from the Deployment', () => {
    const d = kdrive().apply(MULTI);
    d.kubectl('expose deploy multi');
    expect(d.text()).toBe('service/multi exposed\n');
    const s = svc(d, 'multi') as Service;
    expect(s.metadata.labels).toEqual({ team: 'blue', tier: 'back' });
    expect(s.spec.selector).toEqual({ app: 'multi' });
    // Container order; port 53 is UDP in the template.
    expect(s.spec.ports).toEqual([
      { name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80 },
      { name: 'port-2', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-3', port: 8443, protocol: 'TCP', targetPort: 8443 },
    ]);
  });

  it('a port two containers declare: one Service port per declaration, which the server refuses', () => {
    // getPorts de-duplicates (80, 53, 8443) but MultiProtocolsForObject lists 80 twice (TCP, TCP),
    // so createService names both port-1-tcp, as kubectl 1.34 does.
    const d = kdrive()
      .apply(TWICE)
      .kubectl('expose deploy multi --dry-run=client -o jsonpath={.spec.ports[*].name}');
    expect(d.text()).toBe('port-1-tcp port-1-tcp port-2 port-3');
    d.kubectl('expose deploy multi');
    expect(d.stderr()).toMatch(/^The Service "multi" is invalid: /);
    expect(d.stderr()).toContain('spec.ports[1].name: Duplicate value: "port-1-tcp"');
    expect(d.exitCode()).toBe(1);
  });

  it('one port under two protocols gives port-1-udp and port-1-tcp', () => {
    const d = kdrive().apply(DNS).kubectl('expose deploy dns --dry-run=client -o yaml');
    expect(d.text()).toBe(`apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  ports:
  - name: port-1-udp
    port: 53
    protocol: UDP
    targetPort: 53
  - name: port-1-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  selector:
    app: dns
status:
  loadBalancer: {}
`);
  });

  it('--protocol, --target-port by name, --name, --labels, --type override introspection', () => {
    const d = kdrive().apply(MULTI);
    d.kubectl(
      'expose deploy multi --port 8080 --protocol UDP --target-port http --name web -l x=y --type NodePort',
    );
    expect(d.text()).toBe('service/web exposed\n');
    const s = svc(d, 'web') as Service;
    expect(s.metadata.labels).toEqual({ x: 'y' });
    expect(s.spec.type).toBe('NodePort');
    expect(s.spec.ports).toHaveLength(1);
    expect(s.spec.ports?.[0]).toMatchObject({ port: 8080, protocol: 'UDP', targetPort: 'http' });
    expect(s.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('a ReplicaSet: its matchLabels (with pod-template-hash) are the selector', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml');
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0];
    const hash = rs?.metadata.labels?.['pod-template-hash'];
    expect(hash).toBeDefined();
    d.kubectl(`expose rs ${rs?.metadata.name} --port 80 --name sleep-2-rs`);
    expect(d.text()).toBe('service/sleep-2-rs exposed\n');
    const s = svc(d, 'sleep-2-rs') as Service;
    expect(s.spec.selector).toEqual({ app: 'sleep-2', 'pod-template-hash': hash });
    expect(s.metadata.labels).toEqual({ app: 'sleep-2', 'pod-template-hash': hash });
  });

  it('the Service flags land in ServiceSpec field order (typed -o json)', () => {
    const d = kdrive()
      .apply(LABELLED_POD)
      .kubectl(
        'expose pod lab --port 80 --type LoadBalancer --load-balancer-ip 192.0.2.7 --external-ip 198.51.100.1 --session-affinity ClientIP --cluster-ip 10.96.0.99 --dry-run=client -o json',
      );
    expect(d.stdout()).toContain(`"spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 80,
                "targetPort": 80
            }
        ],
        "selector": {
            "app": "lab",
            "role": "web"
        },
        "clusterIP": "10.96.0.99",
        "type": "LoadBalancer",
        "externalIPs": [
            "198.51.100.1"
        ],
        "sessionAffinity": "ClientIP",
        "loadBalancerIP": "192.0.2.7"
    },`);
  });

  it('a Pod: its labels are the selector; a Service: its selector is reused', () => {
    const d = kdrive().apply(LABELLED_POD);
    d.kubectl('expose pod lab');
    expect(d.text()).toBe('service/lab exposed\n');
    expect(svc(d, 'lab')?.spec.selector).toEqual({ app: 'lab', role: 'web' });
    expect(svc(d, 'lab')?.metadata.labels).toEqual({ app: 'lab', role: 'web' });
    d.kubectl('expose svc/lab --name lab-https --port 443 --target-port 8443');
    expect(d.text()).toBe('service/lab-https exposed\n');
    const s = svc(d, 'lab-https') as Service;
    expect(s.spec.selector).toEqual({ app: 'lab', role: 'web' });
    expect(s.spec.ports).toEqual([{ port: 443, protocol: 'TCP', targetPort: 8443 }]);
  });

  it('--cluster-ip None without a port makes a headless Service with no ports', () => {
    const d = kdrive()
      .kubectl('apply -f sleep/sleep2.yaml')
      .kubectl('expose deploy sleep-2 --cluster-ip None -o name');
    expect(d.text()).toBe('service/sleep-2\n');
    expect(svc(d, 'sleep-2')?.spec.clusterIP).toBe('None');
  });

  it('-f reads the object from the file and -n puts the Service in that namespace', () => {
    const d = kdrive()
      .kubectl('create namespace team')
      .kubectl('expose -f sleep/sleep2.yaml --port 80 -n team');
    expect(d.text()).toBe('service/sleep-2 exposed\n');
    expect(svc(d, 'sleep-2', 'team')?.spec.selector).toEqual({ app: 'sleep-2' });
    expect(svc(d, 'sleep-2')).toBeUndefined();
  });
});

describe('kubectl expose: errors, word for word', () => {
  const cases: [string, string, string?][] = [
    ['expose ns default', 'error: cannot expose a Namespace\n'],
    ['expose node docker-desktop', 'error: cannot expose a Node\n'],
    [
      'expose pod bare',
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
      BARE_POD,
    ],
    [
      'expose deploy expr --port 80',
      'error: couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:tier Operator:In Values:[a b]} {Key:canary Operator:DoesNotExist Values:[]}]" to map-based selector format\n',
      EXPRESSIONS,
    ],
    [
      'expose svc manual --port 80',
      "error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set\n",
      NO_SELECTOR_SVC,
    ],
    ['expose deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['expose rc nginx --port 80', 'Error from server (NotFound): replicationcontrollers "nginx" not found\n'],
    ['expose foo bar', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['expose deploy', 'error: resource(s) were provided, but no name was specified\n'],
    [
      'expose',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    ['expose pod lab --port abc', 'error: strconv.Atoi: parsing "abc": invalid syntax\n', LABELLED_POD],
    ['expose pod lab --session-affinity Sticky', 'error: unknown session affinity: Sticky\n', LABELLED_POD],
    ['expose pod lab --labels a=b=c', 'error: unexpected label spec: a=b=c\n', LABELLED_POD],
    ['expose pod lab --selector =x', 'error: unexpected empty label key\n', LABELLED_POD],
    [
      'expose pod lab -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      LABELLED_POD,
    ],
    [
      'expose pod lab --dry-run=maybe',
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
      LABELLED_POD,
    ],
    // Several failures: CheckErr prints the aggregate one per line, without `error: `.
    [
      'expose deploy a b --port 80',
      'Error from server (NotFound): deployments.apps "a" not found\nError from server (NotFound): deployments.apps "b" not found\n',
    ],
  ];
  for (const [cmd, want, setup] of cases) {
    it(cmd, () => {
      const d = kdrive();
      if (setup) d.apply(setup);
      const before = d.cluster.list('Service').length;
      d.kubectl(cmd);
      expect(d.stderr()).toBe(want);
      expect(d.stdout()).toBe('');
      expect(d.exitCode()).toBe(1);
      expect(d.cluster.list('Service')).toHaveLength(before);
    });
  }

  it('the server validates what kubectl generated', () => {
    const d = kdrive().apply(LABELLED_POD).kubectl('expose pod lab --type Weird');
    expect(d.stderr()).toMatch(
      /^The Service "lab" is invalid: spec\.type: Unsupported value: "Weird": supported values: /,
    );
    expect(d.exitCode()).toBe(1);
  });

  it('successes print as they happen, the failures after them', () => {
    const d = kdrive().apply(LABELLED_POD).kubectl('expose pod nope lab --port 80');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'service/lab exposed\n'],
      ['stderr', 'Error from server (NotFound): pods "nope" not found\n'],
    ]);
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl expose: output and dry run', () => {
  it('--dry-run=client -o json prints the typed object in struct order and creates nothing', () => {
    const d = kdrive()
      .apply(MULTI)
      .kubectl('expose deploy multi --port 80 --dry-run=client -o json -n default');
    expect(d.text()).toBe(`{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "multi",
        "namespace": "default",
        "labels": {
            "team": "blue",
            "tier": "back"
        }
    },
    "spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 80,
                "targetPort": 80
            }
        ],
        "selector": {
            "app": "multi"
        }
    },
    "status": {
        "loadBalancer": {}
    }
}
`);
    expect(svc(d, 'multi')).toBeUndefined();
  });

  it('--dry-run=client and server print the operation with their suffix; only a real run stores', () => {
    const d = kdrive().apply(LABELLED_POD);
    d.kubectl('expose pod lab --port 80 --dry-run=client');
    expect(d.text()).toBe('service/lab exposed (dry run)\n');
    d.kubectl('expose pod lab --port 80 --dry-run=server');
    expect(d.text()).toBe('service/lab exposed (server dry run)\n');
    expect(svc(d, 'lab')).toBeUndefined();
    d.kubectl('expose pod lab --port 80 -o jsonpath={.spec.selector.role}');
    expect(d.text()).toBe('web');
    expect(svc(d, 'lab')).toBeDefined();
  });

  it('-o yaml after a real create prints what the server stored', () => {
    const d = kdrive().apply(LABELLED_POD).kubectl('expose pod lab --port 80 -o yaml');
    const s = svc(d, 'lab') as Service;
    expect(d.stdout()).toContain(`  clusterIP: ${s.spec.clusterIP}\n`);
    expect(d.stdout()).toContain(`  uid: ${s.metadata.uid}\n`);
    expect(d.stdout().startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: ')).toBe(
      true,
    );
  });

  it('is deterministic: the same commands on two fresh clusters with one seed print the same', () => {
    const script = [
      'apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml',
      'expose deploy sleep-2 --port 80 -o yaml',
      'expose deploy sleep-1 --port 8080 --target-port 80 --type NodePort -o json',
      'get svc -o wide',
    ];
    const transcript = () => {
      const d = kdrive({ seed: 11 });
      return script.map((c) => d.advance(1_000).kubectl(c).text()).join('');
    };
    const a = transcript();
    expect(a).toContain('nodePort');
    expect(transcript()).toBe(a);
  });
});

describe('kubectl expose: hostile input', () => {
  it('never throws: random words and flags end with exit 0 or 1 and a message on failure', () => {
    const words = [
      'deploy',
      'pod',
      'svc',
      'ns',
      'lab',
      'multi',
      'default',
      'x/y',
      '/',
      'a=b',
      '=',
      ',',
      '',
      'None',
    ];
    const flags = [
      '--port',
      '--target-port',
      '--name',
      '--selector',
      '-l',
      '--type',
      '--cluster-ip',
      '--protocol',
      '-o',
      '--dry-run',
      '--session-affinity',
      '--external-ip',
    ];
    const token = fc.oneof(
      fc.constantFrom(...words),
      fc
        .tuple(
          fc.constantFrom(...flags),
          fc.constantFrom(...words, '80', '99999999999999999999', '-1', 'yaml', 'client'),
        )
        .map(([f, v]) => `${f}=${v}`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (toks) => {
        const d = kdrive().apply(LABELLED_POD).apply(MULTI);
        d.kubectl(['expose', ...toks.map((t) => `'${t}'`)].join(' '));
        expect([0, 1]).toContain(d.exitCode());
        if (d.exitCode() === 1) expect(d.stderr()).not.toBe('');
        expect(d.text()).not.toContain('internal error');
      }),
      { seed: 20_261_126, numRuns: 150 },
    );
    // 150 clusters: ~2.6 s alone on a loaded 2-core host, so the 5 s default is too tight in a full run.
  }, 60_000);
});
