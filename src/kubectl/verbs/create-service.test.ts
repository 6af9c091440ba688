// kubectl create service clusterip|nodeport|loadbalancer|externalname against the simulated
// cluster: the Services kubectl builds (create_service.go v0.34.9), their output and errors word
// for word, and the Services working: ClusterIP and Endpoints, NodePorts, headless and ExternalName
// DNS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';
import { CLUSTERIP_HELP, EXTERNALNAME_HELP } from './create-help';
import { parsePortSpec } from './create-service';

/** A Deployment and a ClusterIP Service made only with create subcommands, Pods Ready. */
function webApp() {
  return kdrive()
    .kubectl('create deployment web --image=nginx --replicas=2 --port=80')
    .kubectl('create service clusterip web --tcp=8080:80')
    .kubectl('create deployment sleep --image=kiamol/ch03-sleep')
    .advance(60_000);
}

describe('kubectl create service', () => {
  it('clusterip: service/NAME created, a ClusterIP from the range, Endpoints of the app: NAME Pods, traffic delivered', () => {
    const d = kdrive().kubectl('create deployment web --image=nginx --replicas=2 --port=80');
    d.kubectl('create service clusterip web --tcp=8080:80');
    expect(d.text()).toBe('service/web created\n');
    expect(d.exitCode()).toBe(0);
    d.kubectl('create deployment sleep --image=kiamol/ch03-sleep').advance(60_000);
    const svc = d.get('Service', 'web');
    expect(svc?.metadata.labels).toEqual({ app: 'web' });
    expect(svc?.spec.selector).toEqual({ app: 'web' });
    expect(svc?.spec.type).toBe('ClusterIP');
    expect(svc?.spec.ports).toEqual([{ name: '8080-80', port: 8080, protocol: 'TCP', targetPort: 80 }]);
    expect(svc?.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    const podIPs = d
      .pods({ namespace: 'default', labelSelector: 'app=web' })
      .map((p) => p.status?.podIP as string)
      .sort();
    expect(podIPs).toHaveLength(2);
    const eps = d.get('Endpoints', 'web') as unknown as {
      subsets?: { addresses?: { ip: string }[]; ports?: unknown[] }[];
    };
    const addrs = (eps?.subsets?.[0]?.addresses ?? []).map((a: { ip: string }) => a.ip).sort();
    expect(addrs).toEqual(podIPs);
    expect(eps?.subsets?.[0]?.ports).toEqual([{ name: '8080-80', port: 80, protocol: 'TCP' }]);
    d.kubectl('exec deploy/sleep -- curl -s -o /dev/null -w %{http_code} http://web:8080');
    expect(d.text()).toBe('200');
  });

  it('clusterip --clusterip=None: headless, DNS answers with the Pod IPs', () => {
    const d = kdrive()
      .kubectl('create deployment db --image=nginx --replicas=2')
      .kubectl('create service clusterip db --clusterip=None');
    expect(d.text()).toBe('service/db created\n');
    d.advance(60_000);
    expect(d.get('Service', 'db')?.spec.clusterIP).toBe('None');
    const podIPs = d
      .pods({ namespace: 'default', labelSelector: 'app=db' })
      .map((p) => p.status?.podIP as string)
      .sort();
    const answer = d.cluster.net.query('db.default.svc.cluster.local', 'A');
    expect(answer.rcode).toBe('NOERROR');
    expect(answer.records.map((r) => r.value).sort()).toEqual(podIPs);
  });

  it('nodeport: the NodePort given, or one from 30000-32767 on every port', () => {
    const d = kdrive().kubectl('create service nodeport web --tcp=80:8080 --node-port=30080');
    expect(d.text()).toBe('service/web created\n');
    expect(d.get('Service', 'web')?.spec.ports).toEqual([
      { name: '80-8080', nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 8080 },
    ]);
    d.kubectl('create service nodeport api --tcp=80 --tcp=443:https');
    const ports = d.get('Service', 'api')?.spec.ports as {
      name: string;
      nodePort: number;
      targetPort: unknown;
    }[];
    expect(ports.map((p) => [p.name, p.targetPort])).toEqual([
      ['80', 80],
      ['443-https', 'https'],
    ]);
    for (const p of ports) expect(p.nodePort >= 30000 && p.nodePort <= 32767).toBe(true);
    // The same NodePort twice: the API server refuses it.
    d.kubectl('create service nodeport dup --tcp=80 --node-port=30080');
    expect(d.stderr()).toMatch(
      /^error: failed to create NodePort service: Service "dup" is invalid: spec\.ports\[0\]\.nodePort: /,
    );
    expect(d.exitCode()).toBe(1);
  });

  it('loadbalancer and externalname, as kubectl builds them (--dry-run=client -o yaml)', () => {
    const d = kdrive();
    const before = d.snapshot();
    d.kubectl('create service loadbalancer lb --tcp=5678:8080 --dry-run=client -o yaml');
    expect(d.text()).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: lb\n  name: lb\nspec:\n  ports:\n  - name: 5678-8080\n    port: 5678\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: lb\n  type: LoadBalancer\nstatus:\n  loadBalancer: {}\n',
    );
    d.kubectl(
      'create service externalname ext -n lab --external-name api.example.com --dry-run=client -o json',
    );
    expect(d.text()).toBe(`{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "ext",
        "namespace": "lab",
        "labels": {
            "app": "ext"
        }
    },
    "spec": {
        "selector": {
            "app": "ext"
        },
        "type": "ExternalName",
        "externalName": "api.example.com"
    },
    "status": {
        "loadBalancer": {}
    }
}
`);
    expect(d.snapshot()).toBe(before);
  });

  it('externalname: the cluster DNS answers with a CNAME', () => {
    const d = kdrive().kubectl('create service externalname ext --external-name api.example.com');
    expect(d.text()).toBe('service/ext created\n');
    const answer = d.cluster.net.query('ext.default.svc.cluster.local', 'CNAME');
    expect(answer.records).toMatchObject([{ type: 'CNAME', value: 'api.example.com' }]);
  });

  it('--dry-run=server prints (server dry run) and leaves the cluster as it was', () => {
    const d = kdrive();
    const before = d.snapshot();
    d.kubectl('create svc clusterip web --tcp=80 --dry-run=server');
    expect(d.text()).toBe('service/web created (server dry run)\n');
    expect(d.snapshot()).toBe(before);
    d.kubectl('create service clusterip web --tcp=80');
    expect(d.text()).toBe('service/web created\n');
  });

  it('errors, word for word, exit code 1', () => {
    const d = kdrive().kubectl('create service clusterip taken --tcp=80');
    const cases: [string, string][] = [
      ['create service clusterip x', 'error: at least one tcp port specifier must be provided\n'],
      [
        'create service nodeport x --node-port=30001',
        'error: at least one tcp port specifier must be provided\n',
      ],
      [
        'create service nodeport x --clusterip=None',
        "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n",
      ],
      [
        'create service externalname x --external-name=a.com --clusterip=None',
        "error: unknown flag: --clusterip\nSee 'kubectl create service externalname --help' for usage.\n",
      ],
      ['create service externalname x', 'error: required flag(s) "external-name" not set\n'],
      [
        'create service externalname x --external-name=Bad_Name',
        'error: invalid service external name Bad_Name\n',
      ],
      ['create service clusterip x --tcp=abc', 'error: strconv.ParseUint: parsing "abc": invalid syntax\n'],
      [
        'create service clusterip x --tcp=70000:80',
        'error: strconv.ParseUint: parsing "70000": value out of range\n',
      ],
      ['create service clusterip x --tcp=80:0', 'error: must be between 1 and 65535, inclusive\n'],
      [
        'create service clusterip x --tcp=80:Web--Port-',
        'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must not contain consecutive hyphens,must not begin or end with a hyphen\n',
      ],
      [
        'create service clusterip x y --tcp=80',
        "error: exactly one NAME is required, got 2\nSee 'kubectl create service clusterip -h' for help and examples\n",
      ],
      [
        'create service nodeport x --tcp=80 --node-port=abc',
        'error: invalid argument "abc" for "--node-port" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl create service nodeport --help\' for usage.\n',
      ],
      [
        'create service foo',
        'error: unknown command "foo"\nSee \'kubectl create service -h\' for help and examples\n',
      ],
      [
        'create service --tcp=80',
        "error: unknown flag: --tcp\nSee 'kubectl create service --help' for usage.\n",
      ],
      [
        'create service clusterip taken --tcp=80',
        'error: failed to create ClusterIP service: services "taken" already exists\n',
      ],
    ];
    for (const [cmd, want] of cases) {
      d.kubectl(cmd);
      expect([cmd, d.stdout(), d.stderr(), d.exitCode()]).toEqual([cmd, '', want, 1]);
    }
    expect(d.cluster.list('Service', { namespace: 'default' }).map((s) => s.metadata.name)).toEqual([
      'kubernetes',
      'taken',
    ]);
  });

  it('create service alone prints its help to stderr and exits 1', () => {
    const d = kdrive().kubectl('create service');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toContain(
      'Available Commands:\n  clusterip      Create a ClusterIP service\n  externalname   Create an ExternalName service\n  loadbalancer   Create a LoadBalancer service\n  nodeport       Create a NodePort service\n',
    );
    expect(d.exitCode()).toBe(1);
  });

  it('parses --tcp as parsePorts does', () => {
    expect(parsePortSpec('80')).toEqual({ ok: true, port: 80, target: 80 });
    expect(parsePortSpec('0:+8080')).toEqual({ ok: true, port: 0, target: 8080 });
    expect(parsePortSpec('80:http:extra')).toEqual({ ok: true, port: 80, target: 'http' });
    expect(parsePortSpec('+80')).toEqual({
      ok: false,
      message: 'strconv.ParseUint: parsing "+80": invalid syntax',
    });
    expect(parsePortSpec('')).toEqual({
      ok: false,
      message: 'strconv.ParseUint: parsing "": invalid syntax',
    });
    expect(parsePortSpec('80:a-very-long-port-name')).toEqual({
      ok: false,
      message: 'must be no more than 15 characters',
    });
    expect(parsePortSpec('80:123456789012345678901')).toEqual({
      ok: false,
      message: 'must be no more than 15 characters,must contain at least one letter (a-z)',
    });
  });

  it('has per-subcommand help in kubectl layout', () => {
    expect(CLUSTERIP_HELP).toContain(
      "    --clusterip='':\n\tAssign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).\n\n",
    );
    expect(CLUSTERIP_HELP).toContain(
      'Usage:\n  kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]\n',
    );
    expect(EXTERNALNAME_HELP.split('\n').slice(0, 4)).toEqual([
      'Create an ExternalName service with the specified name.',
      '',
      // 118 columns; with ` to` it would pass the terminal's 120.
      ' ExternalName service references to an external DNS address instead of only pods, which will allow application authors',
      'to reference services that exist off platform, on other clusters, or locally.',
    ]);
  });

  it('is deterministic: same seed, same ClusterIPs and NodePorts', () => {
    const ips = () => {
      const d = webApp().kubectl('create service nodeport np --tcp=80');
      return d
        .kubectl('get svc -o jsonpath={.items[*].spec.clusterIP}{.items[*].spec.ports[*].nodePort}')
        .text();
    };
    expect(ips()).toBe(ips());
  });
});

describe('kubectl create service, fuzzed --tcp', () => {
  it('any port spec either creates the Service with that many ports or prints one error line, never both', () => {
    const d = kdrive({ seed: 11 });
    let n = 0;
    const seen = { ok: 0, err: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9]{1,5}(:[-a-zA-Z0-9_+]{0,8})?$|^[-a-z0-9:_+]{0,8}$/), {
          minLength: 1,
          maxLength: 3,
        }),
        (specs) => {
          const name = `s${n++}`;
          d.kubectl(`create service clusterip ${name} ${specs.map((s) => `'--tcp=${s}'`).join(' ')}`);
          if (d.exitCode() === 0) {
            seen.ok++;
            expect(d.text()).toBe(`service/${name} created\n`);
            const want = specs.flatMap((s) => (s === '' ? [] : s.split(','))).length;
            expect(d.get('Service', name)?.spec.ports).toHaveLength(want);
          } else {
            seen.err++;
            expect(d.stdout()).toBe('');
            expect(d.stderr()).toMatch(/^error: [^\n]+\n$/);
            expect(d.get('Service', name)).toBeUndefined();
          }
        },
      ),
      { numRuns: 60, seed: 4242 },
    );
    // Both outcomes were exercised.
    expect(seen.ok).toBeGreaterThan(5);
    expect(seen.err).toBeGreaterThan(5);
  });
});
