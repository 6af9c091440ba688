// Service (and Endpoints) fields 1.34 validates that validation-service.test.ts does not cover:
// trafficDistribution, the legacy IP/CIDR fields (StrictIPCIDRValidation off by default in 1.34,
// so only what ParseIPSloppy/ParseCIDRSloppy rejects fails), IPv6 special addresses in
// externalIPs, the source-ranges annotation and the topology annotations. Each case is a YAML file
// applied with `kubectl apply -f` in the terminal, and the text is what kubectl prints.
// [K8S pkg/apis/core/validation/validation.go ValidateService, validateServiceTrafficDistribution,
//  ValidateServiceClusterIPsRelatedFields, validateEndpointAddress, ValidateEndpointIP;
//  apimachinery pkg/util/validation/ip.go; pkg/features/kube_features.go]
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import { DNS1123_LABEL_MSG, DNS1123_SUBDOMAIN_MSG } from './validation';

const QUALIFIED_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const FILE = '/home/student/svc.yaml';
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** `kubectl apply -f` of the YAML text; what the terminal shows. */
function apply(d: KubectlDriver, yaml: string): string {
  d.session.fs.write(FILE, yaml);
  d.kubectl(`apply -f ${FILE}`);
  return d.text();
}

/** A Service manifest; `spec` lines are indented under `spec:` as written. */
const service = (name: string, spec: string, meta = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${meta}spec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n${spec}`;

const one = (yaml: string) => apply(kdrive(), yaml);

describe('spec.trafficDistribution (PreferSameTrafficDistribution beta, on by default in 1.34)', () => {
  it.each(['PreferClose', 'PreferSameZone', 'PreferSameNode'])('%s is accepted and kept', (value) => {
    const d = kdrive();
    expect(apply(d, service('web', `  trafficDistribution: ${value}\n`))).toBe('service/web created\n');
    expect(d.cluster.get('Service', 'default', 'web')?.spec.trafficDistribution).toBe(value);
  });

  it('any other value: NotSupported, listing the values in the validator order (not sorted)', () => {
    expect(one(service('web', '  trafficDistribution: preferClose\n'))).toBe(
      'The Service "web" is invalid: spec.trafficDistribution: Unsupported value: "preferClose": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n',
    );
    expect(one(service('web', '  trafficDistribution: ""\n'))).toBe(
      'The Service "web" is invalid: spec.trafficDistribution: Unsupported value: "": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n',
    );
  });

  it('is checked last, after internalTrafficPolicy', () => {
    expect(one(service('web', '  internalTrafficPolicy: Nearest\n  trafficDistribution: Nearest\n'))).toBe(
      'The Service "web" is invalid: \n' +
        '* spec.internalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"\n' +
        '* spec.trafficDistribution: Unsupported value: "Nearest": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n',
    );
  });
});

describe('spec.externalIPs: IsValidIPForLegacyField, then ValidateEndpointIP', () => {
  it('leading zeros and IPv4-mapped IPv6 are accepted (strict validation is off in 1.34)', () => {
    const d = kdrive();
    expect(
      apply(d, service('web', '  externalIPs:\n  - 10.096.0.1\n  - ::ffff:1.2.3.4\n  - 2001:db8::5\n')),
    ).toBe(
      // GetWarningsForService: accepted, with a warning for each non-standard form (kubectl: stderr).
      '\u001b[33;1mWarning:\u001b[0m spec.externalIPs[0]: non-standard IP address "10.096.0.1" will be considered invalid in a future Kubernetes release: use "10.96.0.1"\n' +
        '\u001b[33;1mWarning:\u001b[0m spec.externalIPs[1]: non-standard IP address "::ffff:1.2.3.4" will be considered invalid in a future Kubernetes release: use "1.2.3.4"\n' +
        'service/web created\n',
    );
    expect(d.cluster.get('Service', 'default', 'web')?.spec.externalIPs).toEqual([
      '10.096.0.1',
      '::ffff:1.2.3.4',
      '2001:db8::5',
    ]);
  });

  it('what does not parse has the legacy message alone; special IPv6 ranges are refused like IPv4 ones', () => {
    const yaml = service(
      'web',
      '  externalIPs:\n  - 1.2.3\n  - "::"\n  - ::1\n  - fe80::1\n  - ff02::fb\n  - ::ffff:169.254.0.1\n  - fe80::1%eth0\n',
    );
    expect(one(yaml)).toBe(
      'The Service "web" is invalid: \n' +
        `* spec.externalIPs[0]: Invalid value: "1.2.3": ${IP_MSG}\n` +
        '* spec.externalIPs[1]: Invalid value: "::": may not be unspecified (::)\n' +
        '* spec.externalIPs[2]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)\n' +
        '* spec.externalIPs[3]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)\n' +
        '* spec.externalIPs[4]: Invalid value: "ff02::fb": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)\n' +
        '* spec.externalIPs[5]: Invalid value: "::ffff:169.254.0.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)\n' +
        `* spec.externalIPs[6]: Invalid value: "fe80::1%eth0": ${IP_MSG}\n`,
    );
  });
});

describe('spec.clusterIP / clusterIPs (ValidateServiceClusterIPsRelatedFields, before allocation)', () => {
  it('an address that does not parse answers alone', () => {
    expect(one(service('web', '  clusterIP: 1.2.3\n  trafficDistribution: Nearest\n'))).toBe(
      `The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "1.2.3": ${IP_MSG}\n`,
    );
  });

  it('an IPv4-mapped address is of the IPv4 family (netutils.IsIPv6String)', () => {
    expect(one(service('web', '  clusterIP: ::ffff:10.96.0.50\n  ipFamilies: [IPv6]\n'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "::ffff:10.96.0.50": expected an IPv6 value as indicated by `ipFamilies[0]`\n',
    );
    expect(one(service('web', '  clusterIP: fd00::50\n  ipFamilies: [IPv4]\n'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "fd00::50": expected an IPv4 value as indicated by `ipFamilies[0]`\n',
    );
  });

  it('two addresses of one family: a mapped address and a plain IPv4 one', () => {
    const spec =
      '  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.50, "::ffff:10.96.0.51"]\n  ipFamilyPolicy: PreferDualStack\n';
    expect(one(service('web', spec))).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.50","::ffff:10.96.0.51"]: may specify no more than one IP for each IP family\n',
    );
  });

  it('a clusterIP with leading zeros passes validation and is allocated', () => {
    const d = kdrive();
    expect(apply(d, service('web', '  clusterIP: 10.096.0.77\n'))).toBe(
      '\u001b[33;1mWarning:\u001b[0m spec.clusterIPs[0]: non-standard IP address "10.096.0.77" will be considered invalid in a future Kubernetes release: use "10.96.0.77"\n' +
        'service/web created\n',
    );
    expect(d.cluster.get('Service', 'default', 'web')?.spec.clusterIPs).toEqual(['10.096.0.77']);
  });
});

describe('load balancer fields', () => {
  const lb = (spec: string, meta = '') => service('lb', `  type: LoadBalancer\n${spec}`, meta);

  it('loadBalancerSourceRanges: only what ParseCIDRSloppy refuses fails; values are trimmed first', () => {
    const d = kdrive();
    const ok =
      '  loadBalancerSourceRanges:\n  - 10.0.0.1/8\n  - " 192.168.0.0/16 "\n  - 10.0.0.0/008\n  - 2001:db8::/64\n';
    expect(apply(d, lb(ok))).toBe(
      '\u001b[33;1mWarning:\u001b[0m spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)\n' +
        '\u001b[33;1mWarning:\u001b[0m spec.loadBalancerSourceRanges[2]: non-standard CIDR value "10.0.0.0/008" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"\n' +
        'service/lb created\n',
    );
    const bad = '  loadBalancerSourceRanges:\n  - 10.0.0.0/8x\n  - " 10.0.0.0/33 "\n  - 2001:db8::/129\n';
    expect(apply(d, lb(bad))).toBe(
      'The Service "lb" is invalid: \n' +
        `* spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/8x": ${CIDR_MSG}\n` +
        `* spec.LoadBalancerSourceRanges[1]: Invalid value: "10.0.0.0/33": ${CIDR_MSG}\n` +
        `* spec.LoadBalancerSourceRanges[2]: Invalid value: "2001:db8::/129": ${CIDR_MSG}\n`,
    );
  });

  it('the source-ranges annotation, when the field is empty: each bad value at the annotation path', () => {
    const key = 'service.beta.kubernetes.io/load-balancer-source-ranges';
    const meta = (v: string) => `  annotations:\n    ${key}: "${v}"\n`;
    expect(one(lb('', meta('10.0.0.0/8, 1.2.3.4/33,')))).toBe(
      'The Service "lb" is invalid: \n' +
        `* metadata.annotations[${key}]: Invalid value: "1.2.3.4/33": ${CIDR_MSG}\n` +
        `* metadata.annotations[${key}]: Invalid value: "": ${CIDR_MSG}\n`,
    );
    expect(one(service('web', '', meta('10.0.0.0/8')))).toBe(
      `The Service "web" is invalid: metadata.annotations[${key}]: Forbidden: may only be used when \`type\` is 'LoadBalancer'\n`,
    );
    // The field wins: the annotation is then not looked at.
    expect(one(lb('  loadBalancerSourceRanges: [10.0.0.0/8]\n', meta('bad')))).toBe('service/lb created\n');
  });

  it('loadBalancerIP is not validated by ValidateService (1.34 only warns about it)', () => {
    expect(one(lb('  loadBalancerIP: 1.2.3\n'))).toBe('service/lb created\n');
  });

  it('loadBalancerClass may not change while the Service stays a LoadBalancer', () => {
    const d = kdrive();
    expect(apply(d, lb('  loadBalancerClass: example.com/a\n'))).toBe('service/lb created\n');
    expect(apply(d, lb('  loadBalancerClass: example.com/b\n'))).toBe(
      'The Service "lb" is invalid: spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set\n',
    );
  });
});

describe('metadata: the topology annotations', () => {
  it('topology-mode must match topology-aware-hints when both are set', () => {
    const meta =
      '  annotations:\n    service.kubernetes.io/topology-mode: Auto\n    service.kubernetes.io/topology-aware-hints: auto\n';
    expect(one(service('web', '', meta))).toBe(
      'The Service "web" is invalid: metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified\n',
    );
    const same =
      '  annotations:\n    service.kubernetes.io/topology-mode: Auto\n    service.kubernetes.io/topology-aware-hints: Auto\n';
    expect(one(service('web', '', same))).toBe('service/web created\n');
  });
});

describe('Endpoints addresses (validateEndpointAddress)', () => {
  const endpoints = (ips: string[]) =>
    `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\nsubsets:\n- addresses:\n${ips.map((ip) => `  - ip: "${ip}"\n`).join('')}  ports:\n  - port: 80\n`;
  const WARNING =
    '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

  it('IPv6, leading zeros and mapped addresses are accepted', () => {
    expect(one(endpoints(['10.096.0.1', 'fd00::1', '::ffff:10.1.2.3']))).toBe(
      `${WARNING}endpoints/ext created\n`,
    );
  });

  it('an address that does not parse has two causes (the legacy check and ValidateEndpointIP); special ranges one', () => {
    expect(one(endpoints(['1.2.3', '127.0.0.1', '::']))).toBe(
      'The Endpoints "ext" is invalid: \n' +
        `* subsets[0].addresses[0].ip: Invalid value: "1.2.3": ${IP_MSG}\n` +
        '* subsets[0].addresses[0].ip: Invalid value: "1.2.3": must be a valid IP address\n' +
        '* subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)\n' +
        '* subsets[0].addresses[2].ip: Invalid value: "::": may not be unspecified (::)\n',
    );
  });
});

describe('Endpoints subsets (validateEndpointSubsets: addresses required, hostname, nodeName, ports)', () => {
  const file = (subsets: string) =>
    `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\nsubsets:\n${subsets}`;

  it('a subset with ports but no address, ready or not, is refused at the subset path', () => {
    expect(one(file('- ports:\n  - port: 80\n'))).toBe(
      'The Endpoints "ext" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`\n',
    );
    expect(one(file('- notReadyAddresses:\n  - ip: 10.0.0.9\n  ports:\n  - port: 80\n'))).toBe(
      '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nendpoints/ext created\n',
    );
  });

  it('each address: the legacy IP check, hostname, nodeName, then ValidateEndpointIP, in that order', () => {
    expect(
      one(
        file(
          '- addresses:\n  - ip: "1.2.3"\n    hostname: Web_1\n    nodeName: Node_A\n  ports:\n  - port: 80\n',
        ),
      ),
    ).toBe(
      'The Endpoints "ext" is invalid: \n' +
        `* subsets[0].addresses[0].ip: Invalid value: "1.2.3": ${IP_MSG}\n` +
        `* subsets[0].addresses[0].hostname: Invalid value: "Web_1": ${DNS1123_LABEL_MSG}\n` +
        `* subsets[0].addresses[0].nodeName: Invalid value: "Node_A": ${DNS1123_SUBDOMAIN_MSG}\n` +
        '* subsets[0].addresses[0].ip: Invalid value: "1.2.3": must be a valid IP address\n',
    );
  });

  it('ports: names are DNS-1123 labels (required when several), protocols TCP/UDP/SCTP, appProtocol a qualified name', () => {
    expect(
      one(
        file(
          '- addresses:\n  - ip: 10.0.0.9\n  ports:\n  - port: 80\n    name: HTTP\n    protocol: ICMP\n  - port: 0\n    appProtocol: "a b"\n',
        ),
      ),
    ).toBe(
      'The Endpoints "ext" is invalid: \n' +
        `* subsets[0].ports[0].name: Invalid value: "HTTP": ${DNS1123_LABEL_MSG}\n` +
        '* subsets[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"\n' +
        '* subsets[0].ports[1].name: Required value\n' +
        '* subsets[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' +
        `* subsets[0].ports[1].appProtocol: Invalid value: "a b": ${QUALIFIED_NAME_MSG}\n`,
    );
  });
});

describe('ipFamilies / ipFamilyPolicy and the other enumerations, as kubectl apply prints them', () => {
  it('ipFamilies: unsupported and duplicate values answer alone (before allocation)', () => {
    expect(one(service('web', '  ipFamilies: [IPv5]\n  trafficDistribution: Nearest\n'))).toBe(
      'The Service "web" is invalid: spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"\n',
    );
    expect(one(service('web', '  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4, IPv4]\n'))).toBe(
      'The Service "web" is invalid: spec.ipFamilies[1]: Duplicate value: "IPv4"\n',
    );
  });

  it('ipFamilyPolicy: the supported values, sorted', () => {
    expect(one(service('web', '  ipFamilyPolicy: DualStack\n'))).toBe(
      'The Service "web" is invalid: spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"\n',
    );
  });

  it('externalTrafficPolicy: Unsupported on a NodePort Service; a ClusterIP Service with externalIPs is defaulted to Cluster', () => {
    expect(one(service('web', '  type: NodePort\n  externalTrafficPolicy: local\n'))).toBe(
      'The Service "web" is invalid: spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\n',
    );
    const d = kdrive();
    expect(apply(d, service('web', '  externalIPs: [203.0.113.7]\n'))).toBe('service/web created\n');
    expect(d.cluster.get('Service', 'default', 'web')?.spec.externalTrafficPolicy).toBe('Cluster');
  });

  it('loadBalancerClass on a ClusterIP Service is Forbidden', () => {
    expect(one(service('web', '  loadBalancerClass: example.com/lb\n'))).toBe(
      'The Service "web" is invalid: spec.loadBalancerClass: Forbidden: may only be used when `type` is \'LoadBalancer\'\n',
    );
  });
});
