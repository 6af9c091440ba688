// validatePodDNSConfig's messages word for word (pkg/apis/core/validation/validation.go, 1.34),
// applied as the student would: a Pod, and the same spec in a Deployment's pod template.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { sleepDeploymentYaml, sleepPodYaml } from '../testing/manifests';
import { ipErrors } from './validation-pod-dns';

const podYaml = (spec: string) => sleepPodYaml('dns', spec);
const deployYaml = (spec: string) => sleepDeploymentYaml('dns', spec);

function applyErr(yaml: string): string {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.session.fs.write('/home/student/ch03/dns.yaml', yaml);
  d.kubectl('apply -f dns.yaml');
  expect(d.exitCode()).toBe(1);
  return d.stderr();
}

const SUBDOMAIN_US =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')";

// [spec fragment, causes (field paths relative to the pod spec)]
const CASES: [string, string, string[]][] = [
  [
    'None without dnsConfig',
    '  dnsPolicy: None\n',
    ['dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
  ],
  [
    'None without nameservers (nothing else checked)',
    '  dnsPolicy: None\n  dnsConfig:\n    searches: [Bad_Domain]\n',
    [
      'dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    ],
  ],
  [
    'four nameservers',
    '  dnsConfig:\n    nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4]\n',
    [
      'dnsConfig.nameservers: Invalid value: ["1.1.1.1","1.0.0.1","8.8.8.8","8.8.4.4"]: must not have more than 3 nameservers',
    ],
  ],
  [
    'nameservers that are not IP addresses',
    '  dnsConfig:\n    nameservers: [kube-dns, 10.096.0.10, "2001:DB8::1"]\n',
    [
      'dnsConfig.nameservers[0]: Invalid value: "kube-dns": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'dnsConfig.nameservers[1]: Invalid value: "10.096.0.10": must not have leading 0s',
      'dnsConfig.nameservers[2]: Invalid value: "2001:DB8::1": must be in canonical form ("2001:db8::1")',
    ],
  ],
  [
    'an invalid search domain (trailing dot trimmed, "." allowed, underscores allowed)',
    '  dnsConfig:\n    searches: [., _srv.example.com., Example.COM.]\n',
    [`dnsConfig.searches[2]: Invalid value: "Example.COM": ${SUBDOMAIN_US}`],
  ],
  [
    'an option without a name',
    '  dnsConfig:\n    options:\n    - name: ndots\n      value: "2"\n    - value: "1"\n',
    ['dnsConfig.options[1]: Required value: must not be empty'],
  ],
];

describe('dnsPolicy / dnsConfig validation through kubectl apply', () => {
  it.each(CASES)('Pod: %s', (_name, spec, causes) => {
    const err = applyErr(podYaml(spec));
    const full = causes.map((c) => `spec.${c}`);
    expect(err).toBe(
      full.length === 1
        ? `The Pod "dns" is invalid: ${full[0]}\n`
        : `The Pod "dns" is invalid: \n${full.map((c) => `* ${c}`).join('\n')}\n`,
    );
  });

  it.each(CASES)('Deployment template: %s', (_name, spec, causes) => {
    const err = applyErr(deployYaml(spec));
    const full = causes.map((c) => `spec.template.spec.${c}`);
    expect(err).toBe(
      full.length === 1
        ? `The Deployment "dns" is invalid: ${full[0]}\n`
        : `The Deployment "dns" is invalid: \n${full.map((c) => `* ${c}`).join('\n')}\n`,
    );
  });

  it('33 search paths, and a search list over 2048 characters', () => {
    const many = Array.from({ length: 33 }, (_, i) => `d${i}.example`);
    const err = applyErr(podYaml(`  dnsConfig:\n    searches: [${many.join(', ')}]\n`));
    expect(err).toBe(
      `The Pod "dns" is invalid: spec.dnsConfig.searches: Invalid value: ${JSON.stringify(many)}: must not have more than 32 search paths\n`,
    );
    const long = Array.from(
      { length: 11 },
      (_, i) => `${i}${'a'.repeat(62)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`,
    );
    expect(long.join(' ').length).toBeGreaterThan(2048);
    const err2 = applyErr(podYaml(`  dnsConfig:\n    searches: [${long.join(', ')}]\n`));
    expect(err2).toBe(
      `The Pod "dns" is invalid: spec.dnsConfig.searches: Invalid value: ${JSON.stringify(long)}: must not have more than 2048 characters (including spaces) in the search list\n`,
    );
  });

  it('a valid dnsConfig is accepted, and the Deployment makes a Pod with it', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    d.session.fs.write(
      '/home/student/ch03/dns.yaml',
      deployYaml(
        '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.10]\n    options: [{name: ndots, value: "1"}]\n',
      ),
    );
    d.kubectl('apply -f dns.yaml');
    expect(d.stdout()).toBe('deployment.apps/dns created\n');
    d.advance(30_000).kubectl('exec deploy/dns -- cat /etc/resolv.conf');
    expect(d.stdout()).toBe('nameserver 10.96.0.10\noptions ndots:1\n');
  });
});

describe('IsValidIP (apimachinery v0.34)', () => {
  it('parses as net.ParseIP, then netip, then the canonical String()', () => {
    expect(ipErrors('10.96.0.10')).toEqual([]);
    expect(ipErrors('2001:db8::1')).toEqual([]);
    expect(ipErrors('1.2.3')).toEqual(['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(ipErrors('256.1.1.1')).toEqual(['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(ipErrors('fe80::1%eth0')).toEqual([
      'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(ipErrors('::ffff:1.2.3.4')).toEqual(['must not be an IPv4-mapped IPv6 address']);
    expect(ipErrors('2001:0db8::1')).toEqual(['must be in canonical form ("2001:db8::1")']);
    expect(ipErrors('2001:00db8::1')).toEqual(['must not have leading 0s']);
    expect(ipErrors('2001:db8:0:0:1:0:0:1')).toEqual(['must be in canonical form ("2001:db8::1:0:0:1")']);
    // One zero group is never shortened to ::.
    expect(ipErrors('2001:db8:0:1:1:1:1:1')).toEqual([]);
    expect(ipErrors('::1.2.3.4')).toEqual(['must be in canonical form ("::102:304")']);
  });
});
