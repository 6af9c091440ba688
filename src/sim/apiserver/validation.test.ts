// Validation messages word for word against the reference (§C3, §C8), through the API server.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { ApplyOutcome } from '../contract';

const deploy = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec,
});
const svc = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec,
});
const errorOf = (o: ApplyOutcome | undefined) => (o && !o.result.ok ? o.result.error.message : '');
const containers = [{ name: 'sleep', image: 'kiamol/ch03-sleep' }];

const cases: { name: string; doc: unknown; message: string; code?: number }[] = [
  {
    name: 'selector does not match template labels (1.34 JSON form)',
    doc: deploy('sleep-1', {
      selector: { matchLabels: { app: 'sleep-1' } },
      template: { metadata: { labels: { app: 'sleep' } }, spec: { containers } },
    }),
    message:
      'Deployment.apps "sleep-1" is invalid: spec.template.metadata.labels: Invalid value: {"app":"sleep"}: `selector` does not match template `labels`',
  },
  {
    name: 'selector missing: two causes',
    doc: deploy('sleep-1', { template: { metadata: { labels: { app: 'sleep-1' } }, spec: { containers } } }),
    message:
      'Deployment.apps "sleep-1" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"sleep-1"}: `selector` does not match template `labels`]',
  },
  {
    name: 'ports required',
    doc: svc('x', { selector: { app: 'x' } }),
    message: 'Service "x" is invalid: spec.ports: Required value',
  },
  {
    name: 'containers required',
    doc: deploy('d', {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: {} },
    }),
    message: 'Deployment.apps "d" is invalid: spec.template.spec.containers: Required value',
  },
  {
    name: 'container image and name required',
    doc: deploy('d', {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{}] } },
    }),
    message:
      'Deployment.apps "d" is invalid: [spec.template.spec.containers[0].name: Required value, spec.template.spec.containers[0].image: Required value]',
  },
  {
    name: 'port omitted: port and defaulted targetPort both 0',
    doc: svc('x', { ports: [{ protocol: 'TCP' }] }),
    message:
      'Service "x" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
  },
  {
    name: 'several unnamed ports need names',
    doc: svc('x', { ports: [{ port: 80 }, { port: 81 }] }),
    message:
      'Service "x" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
  },
  {
    name: 'DNS-1035 Service name (double space before "or")',
    doc: svc('Numbers_API', { ports: [{ port: 80 }] }),
    message:
      "Service \"Numbers_API\" is invalid: metadata.name: Invalid value: \"Numbers_API\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  },
  {
    name: '1api is not a Service name',
    doc: svc('1api', { ports: [{ port: 80 }] }),
    message:
      "Service \"1api\" is invalid: metadata.name: Invalid value: \"1api\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  },
  {
    name: 'DNS-1123 subdomain Deployment name',
    doc: deploy('Sleep_1', {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers } },
    }),
    message:
      "Deployment.apps \"Sleep_1\" is invalid: metadata.name: Invalid value: \"Sleep_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  },
  {
    name: 'NodePort out of range',
    doc: svc('x', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
    message:
      'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  },
  {
    name: 'clusterIP outside the service CIDR',
    doc: svc('x', { clusterIP: '10.200.0.1', ports: [{ port: 80 }] }),
    message:
      'Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.200.0.1"]: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
  },
  {
    name: 'clusterIP already allocated (kube-dns holds .10)',
    doc: svc('x', { clusterIP: '10.96.0.10', ports: [{ port: 80 }] }),
    message:
      'Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
  },
  {
    name: 'ports as a mapping (400 BadRequest)',
    doc: svc('sleep-2', { selector: { app: 'sleep-2' }, ports: { '-port': 80 } }),
    code: 400,
    message:
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
  },
  {
    name: 'unknown field',
    doc: svc('sleep-2', { selecter: { app: 'sleep-2' }, ports: [{ port: 80 }] }),
    code: 400,
    message:
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selecter"',
  },
  {
    // sigs.k8s.io/json's strict decoder names list items by index (the type error above does not).
    name: 'unknown fields inside lists, all of them, with their indices',
    doc: deploy('x', {
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: {
          containers: [
            { name: 'a', image: 'nginx' },
            { name: 'b', image: 'nginx', ports: [{ containerPort: 80 }, { contaierPort: 81 }], imagee: 'x' },
          ],
        },
      },
    }),
    code: 400,
    message:
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[1].ports[1].contaierPort", unknown field "spec.template.spec.containers[1].imagee"',
  },
  {
    name: 'port as a string',
    doc: svc('x', { ports: [{ port: '80' }] }),
    code: 400,
    message:
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  },
  {
    name: 'replicas as a string in a Deployment',
    doc: deploy('d', { replicas: 'two' }),
    code: 400,
    message:
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'labels value as a number',
    doc: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x', labels: { a: 1 } },
      spec: { ports: [{ port: 80 }] },
    },
    code: 400,
    message:
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  },
  {
    name: 'unknown kind',
    doc: { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } },
    code: 404,
    message:
      'resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first',
  },
  // IsQualifiedName: the prefix part is a DNS-1123 subdomain; more than one '/' is one cause.
  {
    name: 'label key with two slashes',
    doc: { ...svc('x', { ports: [{ port: 80 }] }), metadata: { name: 'x', labels: { 'a/b/c': 'd' } } },
    message: `Service "x" is invalid: metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
  },
  {
    name: 'label key with an invalid prefix',
    doc: { ...svc('x', { ports: [{ port: 80 }] }), metadata: { name: 'x', labels: { 'Bad_/x': 'd' } } },
    message: `Service "x" is invalid: metadata.labels: Invalid value: "Bad_/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  },
  {
    name: 'label key with an empty prefix',
    doc: { ...svc('x', { ports: [{ port: 80 }] }), metadata: { name: 'x', labels: { '/x': 'd' } } },
    message: 'Service "x" is invalid: metadata.labels: Invalid value: "/x": prefix part must be non-empty',
  },
  {
    name: 'label key with an empty name part: two causes',
    doc: { ...svc('x', { ports: [{ port: 80 }] }), metadata: { name: 'x', labels: { 'x.io/': 'd' } } },
    message: `Service "x" is invalid: [metadata.labels: Invalid value: "x.io/": name part must be non-empty, metadata.labels: Invalid value: "x.io/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]`,
  },
  {
    // Two service ports asking for one nodePort: the registry allocates NodePorts (BeginCreate)
    // before validation runs, and its answer for the second port is the allocator's.
    name: 'the same nodePort for two service ports: the allocator answers first',
    doc: svc('x', {
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80, nodePort: 30080 },
        { name: 'b', port: 81, nodePort: 30080 },
      ],
    }),
    message:
      'Service "x" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated',
  },
  // ValidateAnnotations: keys are qualified names once lowercased (so 'Example.com/X' is fine).
  {
    name: 'annotation key with a space',
    doc: {
      ...svc('x', { ports: [{ port: 80 }] }),
      metadata: { name: 'x', annotations: { 'Example.COM/Ok': '1', 'bad key': '1' } },
    },
    message: `Service "x" is invalid: metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
  },
  {
    // apply adds the last-applied annotation, a second copy of the value: over the limit.
    name: 'annotations over 256 KiB in total (apply)',
    doc: {
      ...svc('x', { ports: [{ port: 80 }] }),
      metadata: { name: 'x', annotations: { big: 'é'.repeat(131_070) } },
    },
    message: 'Service "x" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
  },
  {
    name: 'Recreate with rollingUpdate parameters',
    doc: deploy('x', {
      selector: { matchLabels: { app: 'x' } },
      strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers } },
    }),
    message:
      'Deployment.apps "x" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'',
  },
  {
    name: 'namespace must exist',
    doc: { ...svc('x', { ports: [{ port: 80 }] }), metadata: { name: 'x', namespace: 'foo' } },
    code: 404,
    message: 'namespaces "foo" not found',
  },
];

describe('API validation messages (§C8)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const cluster = createCluster({ seed: 1 });
      const [out] = cluster.apply([c.doc], { source: 'f.yaml' });
      expect(out?.result.ok).toBe(false);
      if (out && !out.result.ok) {
        expect(out.result.error.message).toBe(c.message);
        expect(out.result.error.code).toBe(c.code ?? 422);
      }
    });
  }

  it('the annotation size limit counts UTF-8 bytes of keys and values: 262144 is allowed, one more is not', () => {
    const ann = (value: string) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x', annotations: { k: value } },
      spec: { ports: [{ port: 80 }] },
    });
    // 'é' is 2 bytes, '€' 3, '😀' 4 (a surrogate pair): 1 + 2·65534 + 3·43690 + 4 + 1 = 262144.
    const exact = `${'é'.repeat(65_534)}${'€'.repeat(43_690)}😀a`;
    expect(createCluster({ seed: 1 }).create(ann(exact)).ok).toBe(true);
    const over = createCluster({ seed: 1 }).create(ann(`${exact}b`));
    expect(over.ok).toBe(false);
    if (!over.ok)
      expect(over.error.message).toBe(
        'Service "x" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
      );
  });

  it('NodePort conflict: provided port is already allocated', () => {
    const cluster = createCluster({ seed: 1 });
    const a = svc('numbers-web-node', {
      type: 'NodePort',
      ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }],
    });
    expect(cluster.apply([a])[0]?.result.ok).toBe(true);
    const [out] = cluster.apply([{ ...a, metadata: { name: 'other' } }]);
    expect(errorOf(out)).toBe(
      'Service "other" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('Deployment selector is immutable', () => {
    const cluster = createCluster({ seed: 1 });
    const d = (app: string) =>
      deploy('d', {
        selector: { matchLabels: { app } },
        template: { metadata: { labels: { app } }, spec: { containers } },
      });
    expect(cluster.apply([d('a')])[0]?.result.ok).toBe(true);
    const [out] = cluster.apply([d('b')]);
    expect(errorOf(out)).toBe(
      'Deployment.apps "d" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable',
    );
  });

  it('explicit clusterIP in range is honoured; None makes a headless Service', () => {
    const cluster = createCluster({ seed: 1 });
    const [a, b] = cluster.apply([
      svc('pinned', { clusterIP: '10.96.0.50', ports: [{ port: 80 }] }),
      svc('headless', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] }),
    ]);
    expect(a?.result.ok && a.result.object.spec.clusterIPs).toEqual(['10.96.0.50']);
    expect(b?.result.ok && b.result.object.spec.clusterIP).toBe('None');
  });

  it('the Endpoints deprecation warning comes with Endpoints writes', () => {
    const cluster = createCluster({ seed: 1 });
    const [out] = cluster.apply([
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'numbers-api' },
        subsets: [{ addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80 }] }],
      },
    ]);
    expect(out?.warnings).toEqual([
      'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
    ]);
  });
});
