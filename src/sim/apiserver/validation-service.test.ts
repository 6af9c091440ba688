// ValidateService / ValidateServiceUpdate and the Deployment checks bound late, word for word as
// the 1.34 API server answers and kubectl prints them (validation-service.ts,
// validation-deployment.ts). Each case goes through the cluster facade (decode, defaults, the
// registry's order), and the printed form is kubectl's (src/kubectl/errors.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../kubectl/errors';
import { createCluster } from '../cluster';
import type { ApplyOutcome, Cluster } from '../contract';
import { validate } from './validation';

const svc = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec,
});
const deploy = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec,
});
const template = {
  metadata: { labels: { app: 'x' } },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
};
const selector = { matchLabels: { app: 'x' } };

/** What `kubectl apply -f` prints for the one document, or '' when it was accepted. */
function printed(out: ApplyOutcome | undefined): string {
  if (!out || out.result.ok) return '';
  return formatError(out.result.error);
}
const applyOne = (c: Cluster, doc: unknown) => printed(c.apply([doc], { source: 'f.yaml' })[0]);
const kubectl = (doc: unknown) => applyOne(createCluster({ seed: 1 }), doc);

const DUP_80 =
  'Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}';

describe('ValidateService (1.34), as kubectl prints it', () => {
  it('a (protocol, port) pair twice: the internal ServicePort key, as JSON, at the later index', () => {
    // Real 1.34 output (apollographql/router changeset for PR #10020): `spec.ports[1]: Duplicate
    // value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":22216,"TargetPort":0,"NodePort":0}`.
    const doc = svc('web', {
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'metrics', port: 80, targetPort: 9090 },
      ],
    });
    expect(kubectl(doc)).toBe(`The Service "web" is invalid: spec.ports[1]: ${DUP_80}`);
  });

  it('the same port number for TCP and UDP is not a duplicate', () => {
    const doc = svc('dns', {
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
    });
    expect(kubectl(doc)).toBe('');
  });

  it('one service port listed twice with its nodePort: both duplicates, nodePort first (several causes, one line each)', () => {
    const doc = svc('web', {
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80, nodePort: 30080 },
        { name: 'b', port: 80, nodePort: 30080 },
      ],
    });
    expect(kubectl(doc)).toBe(
      `The Service "web" is invalid: \n* spec.ports[1].nodePort: Duplicate value: 30080\n* spec.ports[1]: ${DUP_80}`,
    );
  });

  it('targetPort out of range, and a port name with capitals (both IsValidPortName causes)', () => {
    expect(kubectl(svc('x', { ports: [{ port: 80, targetPort: 70000 }] }))).toBe(
      'The Service "x" is invalid: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(kubectl(svc('x', { ports: [{ port: 80, targetPort: 'HTTP' }] }))).toBe(
      'The Service "x" is invalid: \n' +
        '* spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n' +
        '* spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
    );
    // targetPort 0 is defaulted to the port.
    expect(kubectl(svc('x', { ports: [{ port: 80, targetPort: 0 }] }))).toBe('');
  });

  it('a misspelt type is reported after the ports, and nothing else follows from it', () => {
    const doc = svc('x', { type: 'Nodeport', ports: [{ port: 80, nodePort: 30080, protocol: 'tcp' }] });
    expect(kubectl(doc)).toBe(
      'The Service "x" is invalid: \n' +
        '* spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"\n' +
        '* spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
  });

  it("headless NodePort: the clusterIPs cause comes before the ports' causes", () => {
    const doc = svc('x', { type: 'NodePort', clusterIP: 'None', ports: [{ name: 'Web', port: 80 }] });
    expect(kubectl(doc)).toBe(
      'The Service "x" is invalid: \n' +
        '* spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services\n' +
        "* spec.ports[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  });

  it('ExternalName: externalName required, clusterIP forbidden, the name shown without its dot', () => {
    expect(kubectl(svc('db', { type: 'ExternalName' }))).toBe(
      'The Service "db" is invalid: spec.externalName: Required value',
    );
    expect(
      kubectl(svc('db', { type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.60' })),
    ).toBe(
      'The Service "db" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    );
    expect(kubectl(svc('db', { type: 'ExternalName', externalName: 'DB.example.com.' }))).toBe(
      `The Service "db" is invalid: spec.externalName: Invalid value: "DB.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  it('selector values are label values', () => {
    expect(kubectl(svc('x', { selector: { app: 'my app' }, ports: [{ port: 80 }] }))).toBe(
      `The Service "x" is invalid: spec.selector: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  });

  it('session affinity: a config without ClientIP is dropped by defaulting; a timeout out of range', () => {
    const config = { clientIP: { timeoutSeconds: 0 } };
    // SetDefaults_Service clears the config under None, so validation's Forbidden is never reached.
    const c = createCluster({ seed: 1 });
    expect(applyOne(c, svc('x', { ports: [{ port: 80 }], sessionAffinityConfig: config }))).toBe('');
    expect(c.get('Service', 'default', 'x')?.spec.sessionAffinityConfig).toBeUndefined();
    expect(
      kubectl(
        svc('x', { ports: [{ port: 80 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: config }),
      ),
    ).toBe(
      'The Service "x" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    );
  });

  it('externalIPs: not an IP, and a loopback address', () => {
    expect(kubectl(svc('x', { ports: [{ port: 80 }], externalIPs: ['1.2.3', '127.0.0.1'] }))).toBe(
      'The Service "x" is invalid: \n' +
        '* spec.externalIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
        '* spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    );
  });

  it('LoadBalancer-only fields on a NodePort Service (note the capital L of the Go field)', () => {
    const doc = svc('x', {
      type: 'NodePort',
      ports: [{ port: 80 }],
      loadBalancerSourceRanges: ['10.0.0.0/33'],
      allocateLoadBalancerNodePorts: false,
    });
    expect(kubectl(doc)).toBe(
      'The Service "x" is invalid: \n' +
        "* spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
        '* spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
        "* spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    );
  });

  it('traffic policy fields a ClusterIP or NodePort Service may not have', () => {
    expect(kubectl(svc('x', { ports: [{ port: 80 }], externalTrafficPolicy: 'Local' }))).toBe(
      'The Service "x" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    );
    expect(kubectl(svc('x', { type: 'NodePort', ports: [{ port: 80 }], healthCheckNodePort: 30999 }))).toBe(
      "The Service \"x\" is invalid: spec.healthCheckNodePort: Invalid value: 30999: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    );
  });

  it('a clusterIP that is no IP answers alone (the registry checks it before validation)', () => {
    const doc = { ...svc('x', { clusterIP: '10.96.0.300', ports: [{ port: 80 }] }), metadata: { name: 'X' } };
    expect(kubectl(doc)).toBe(
      'The Service "X" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
  });

  it('dual-stack requests on this single-stack IPv4 cluster (initIPFamilyFields, before validation)', () => {
    const ports = [{ port: 80 }];
    expect(kubectl(svc('x', { ports, ipFamilyPolicy: 'RequireDualStack' }))).toBe(
      'The Service "x" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
    expect(kubectl(svc('x', { ports, ipFamilies: ['IPv4', 'IPv6'] }))).toBe(
      'The Service "x" is invalid: spec.ipFamilyPolicy: Invalid value: "SingleStack": must be \'RequireDualStack\' or \'PreferDualStack\' when multiple IP families are specified',
    );
    expect(
      kubectl(svc('x', { ports, ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] })),
    ).toBe(
      'The Service "x" is invalid: spec.ipFamilies[1]: Invalid value: "IPv6": not configured on this cluster',
    );
    // An older server's transcript words it the same, with %#v for the list: `spec.clusterIPs[0]:
    // Invalid value: []string{"2001:DB8::1"}: IPv6 is not configured on this cluster`.
    expect(kubectl(svc('x', { ports, clusterIP: 'fd00::10' }))).toBe(
      'The Service "x" is invalid: spec.clusterIPs[0]: Invalid value: ["fd00::10"]: IPv6 is not configured on this cluster',
    );
    expect(kubectl(svc('x', { ports, clusterIP: 'fd00::zz' }))).toBe(
      'The Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "fd00::zz": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    // A headless Service without a selector may ask for both families.
    expect(kubectl(svc('x', { ports, clusterIP: 'None' }))).toBe('');
  });

  it('ValidateServiceUpdate: the clusterIP may not change, the value shown is the new clusterIPs list', () => {
    const c = createCluster({ seed: 1 });
    const doc = (spec: Record<string, unknown>) =>
      svc('db', { selector: { app: 'db' }, ports: [{ port: 5432 }], ...spec });
    expect(applyOne(c, doc({ clusterIP: '10.96.0.50' }))).toBe('');
    expect(applyOne(c, doc({}))).toBe('');
    expect(applyOne(c, doc({ clusterIP: '10.96.0.51' }))).toBe(
      'The Service "db" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.51"]: may not change once set',
    );
    // Real 1.34 transcript (a headless Service applied over a ClusterIP one): `The Service "som-db"
    // is invalid: spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set`.
    expect(applyOne(c, doc({ clusterIP: 'None' }))).toBe(
      'The Service "db" is invalid: spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set',
    );
    expect(c.get('Service', 'default', 'db')?.spec.clusterIP).toBe('10.96.0.50');
  });

  it('ValidateServiceUpdate: a LoadBalancer with Local policy keeps its healthCheckNodePort', () => {
    const c = createCluster({ seed: 1 });
    const lb = (spec: Record<string, unknown>) =>
      svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }], ...spec });
    expect(applyOne(c, lb({ healthCheckNodePort: 31000 }))).toBe('');
    expect(applyOne(c, lb({ healthCheckNodePort: 31001 }))).toBe(
      'The Service "lb" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable',
    );
    // Moving to Cluster policy drops the kept port (strategy dropTypeDependentFields): no error.
    expect(applyOne(c, lb({ healthCheckNodePort: 31000, externalTrafficPolicy: 'Cluster' }))).toBe('');
  });

  it('property: a repeated (protocol, port) pair is reported at every later index, never the first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.integer({ min: 80, max: 83 }) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (pairs) => {
          const obj = svc('p', {
            type: 'ClusterIP',
            sessionAffinity: 'None',
            internalTrafficPolicy: 'Cluster',
            ports: pairs.map((p, i) => ({ name: `p${i}`, ...p, targetPort: p.port })),
          });
          const got = validate(obj as never)
            .filter((e) => e.message.startsWith('Duplicate value: {'))
            .map((e) => e.field);
          const want = pairs
            .map((p, i) =>
              pairs.findIndex((q) => q.protocol === p.protocol && q.port === p.port) < i ? i : -1,
            )
            .filter((i) => i >= 0)
            .map((i) => `spec.ports[${i}]`);
          expect(got).toEqual(want);
        },
      ),
      { seed: 20260531, numRuns: 200 },
    );
  });
});

describe('ValidateDeploymentSpec (1.34): selector, strategy and timings', () => {
  it('a misspelt strategy type: the whole internal strategy is the value, at spec.strategy', () => {
    // Before 1.34 the same error printed the struct with %#v: `spec.strategy: Unsupported value:
    // apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`.
    expect(kubectl(deploy('d', { selector, template, strategy: { type: 'Rollingupdate' } }))).toBe(
      'The Deployment "d" is invalid: spec.strategy: Unsupported value: {"Type":"Rollingupdate","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
    );
  });

  it('rolling update parameters, in ValidateRollingUpdateDeployment order', () => {
    const ru = (rollingUpdate: Record<string, unknown>) =>
      deploy('d', { selector, template, strategy: { type: 'RollingUpdate', rollingUpdate } });
    expect(kubectl(ru({ maxUnavailable: '110%' }))).toBe(
      'The Deployment "d" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%',
    );
    expect(kubectl(ru({ maxUnavailable: 0, maxSurge: 'abc' }))).toBe(
      'The Deployment "d" is invalid: \n' +
        "* spec.strategy.rollingUpdate.maxSurge: Invalid value: \"abc\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')\n" +
        '* spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    );
    expect(kubectl(ru({ maxSurge: -1 }))).toBe(
      'The Deployment "d" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('minReadySeconds against the defaulted progressDeadlineSeconds; revisionHistoryLimit', () => {
    expect(kubectl(deploy('d', { selector, template, minReadySeconds: 600, revisionHistoryLimit: -1 }))).toBe(
      'The Deployment "d" is invalid: \n' +
        '* spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    );
  });

  it('an empty selector is not compared with the template labels', () => {
    expect(kubectl(deploy('d', { selector: {}, template }))).toBe(
      'The Deployment "d" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    );
  });

  it('a selector that does not parse: its causes, "invalid label selector", and the template is not checked', () => {
    const bad = { metadata: { labels: { app: 'my app' } }, spec: { containers: [{ name: 'c' }] } };
    expect(kubectl(deploy('d', { selector: { matchLabels: { app: 'my app' } }, template: bad }))).toBe(
      'The Deployment "d" is invalid: \n' +
        `* spec.selector.matchLabels: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n` +
        '* spec.selector: Invalid value: {"matchLabels":{"app":"my app"}}: invalid label selector',
    );
  });

  it("container ports: an IANA service name, unique in the container; the host port's range", () => {
    const withPorts = (ports: unknown[]) => ({
      metadata: template.metadata,
      spec: { containers: [{ name: 'c', image: 'nginx', ports }] },
    });
    expect(
      kubectl(
        deploy('d', { selector, template: withPorts([{ name: 'web-server-http-port', containerPort: 80 }]) }),
      ),
    ).toBe(
      'The Deployment "d" is invalid: spec.template.spec.containers[0].ports[0].name: Invalid value: "web-server-http-port": must be no more than 15 characters',
    );
    const twice = withPorts([
      { name: 'web', containerPort: 80 },
      { name: 'web', containerPort: 81, hostPort: 70000 },
    ]);
    expect(kubectl(deploy('d', { selector, template: twice }))).toBe(
      'The Deployment "d" is invalid: \n' +
        '* spec.template.spec.containers[0].ports[1].name: Duplicate value: "web"\n' +
        '* spec.template.spec.containers[0].ports[1].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });

  it('a template without labels: the nil map prints as null', () => {
    expect(kubectl(deploy('d', { selector, template: { spec: template.spec } }))).toBe(
      'The Deployment "d" is invalid: spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`',
    );
  });

  it('the selector is immutable; the new one prints in LabelSelector field order', () => {
    const c = createCluster({ seed: 1 });
    expect(applyOne(c, deploy('d', { selector, template }))).toBe('');
    const sel2 = {
      matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }],
      matchLabels: { app: 'x' },
    };
    expect(applyOne(c, deploy('d', { selector: sel2, template }))).toBe(
      'The Deployment "d" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"x"},"matchExpressions":[{"key":"app","operator":"In","values":["x"]}]}: field is immutable',
    );
  });

  it('the template labels are compared with the selector before they are validated', () => {
    const t = { metadata: { labels: { app: 'x', 'a b': 'y' } }, spec: template.spec };
    expect(kubectl(deploy('d', { selector: { matchLabels: { app: 'z' } }, template: t }))).toBe(
      'The Deployment "d" is invalid: \n' +
        '* spec.template.metadata.labels: Invalid value: {"a b":"y","app":"x"}: `selector` does not match template `labels`\n' +
        `* spec.template.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  });
});
