// spec.dnsConfig is decoded strictly as core/v1 PodDNSConfig (nameservers, searches: []string;
// options: []PodDNSConfigOption{name, value *string}): an unknown field or a number where a string
// belongs is refused before validation, as the API server's strict JSON decoder refuses it.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { sleepDeploymentYaml, sleepPodYaml } from '../testing/manifests';

const podYaml = (dnsConfig: string) => sleepPodYaml('dns', `  dnsConfig:\n${dnsConfig}`);
const deployYaml = (dnsConfig: string) => sleepDeploymentYaml('dns', `  dnsConfig:\n${dnsConfig}`);

function apply(yaml: string) {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.session.fs.write('/home/student/ch03/dns.yaml', yaml);
  d.kubectl('apply -f dns.yaml');
  return d;
}

const POD =
  'Error from server (BadRequest): error when creating "dns.yaml": Pod in version "v1" cannot be handled as a Pod: ';
const DEPLOY =
  'Error from server (BadRequest): error when creating "dns.yaml": Deployment in version "v1" cannot be handled as a Deployment: ';

describe('strict decoding of spec.dnsConfig through kubectl apply', () => {
  it.each<[string, string, string]>([
    [
      'an unknown field',
      '    nameserver: [1.1.1.1]\n',
      'strict decoding error: unknown field "spec.dnsConfig.nameserver"',
    ],
    [
      'an unknown field in an option',
      '    options:\n    - name: ndots\n      val: "2"\n',
      'strict decoding error: unknown field "spec.dnsConfig.options[0].val"',
    ],
    [
      'a number for an option value',
      '    options: [{name: ndots, value: 2}]\n',
      'json: cannot unmarshal number into Go struct field PodDNSConfigOption.spec.dnsConfig.options.value of type string',
    ],
    [
      'a string for the nameservers list',
      '    nameservers: 1.1.1.1\n',
      'json: cannot unmarshal string into Go struct field PodDNSConfig.spec.dnsConfig.nameservers of type []string',
    ],
    [
      'a map for an option',
      '    options: {name: ndots}\n',
      'json: cannot unmarshal object into Go struct field PodDNSConfig.spec.dnsConfig.options of type []v1.PodDNSConfigOption',
    ],
  ])('a Pod: %s', (_, cfg, msg) => {
    const d = apply(podYaml(cfg));
    expect(d.stderr()).toBe(`${POD}${msg}\n`);
    expect(d.exitCode()).toBe(1);
    expect(d.get('Pod', 'dns')).toBeUndefined();
  });

  it('a Deployment template: the same refusals with the template path', () => {
    let d = apply(deployYaml('    options: [{name: ndots, value: 2}]\n'));
    expect(d.stderr()).toBe(
      `${DEPLOY}json: cannot unmarshal number into Go struct field PodDNSConfigOption.spec.template.spec.dnsConfig.options.value of type string\n`,
    );
    d = apply(deployYaml('    nameserver: [1.1.1.1]\n'));
    expect(d.stderr()).toBe(
      `${DEPLOY}strict decoding error: unknown field "spec.template.spec.dnsConfig.nameserver"\n`,
    );
  });

  it('a well-formed dnsConfig is accepted and kept as written', () => {
    const d = apply(
      podYaml(
        '    nameservers: [1.1.1.1]\n    searches: [example.com]\n    options: [{name: ndots, value: "2"}, {name: edns0}]\n',
      ),
    );
    expect(d.stdout()).toBe('pod/dns created\n');
    expect(d.get('Pod', 'dns')?.spec).toMatchObject({
      dnsConfig: {
        nameservers: ['1.1.1.1'],
        searches: ['example.com'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      },
    });
  });
});
