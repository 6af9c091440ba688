// The names a container sees for itself, as `kubectl exec` shows them: a hostNetwork Pod has the
// node's host name and the node's /etc/hosts under the kubelet's host-network header
// (nodeHostsFileContent); a Pod on the pod network has its own (managedHostsFileContent), both
// with the hostAliases after a blank line and their header. [kubelet_pods.go]
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ProfileName } from '../contract';

const hostNetPod = (node: string, aliases = '') => `apiVersion: v1
kind: Pod
metadata:
  name: hostnet
spec:
  hostNetwork: true
  nodeName: ${node}${aliases}
  containers:
  - name: sleep
    image: kiamol/ch03-sleep
`;

const ALIASES = `
  hostAliases:
  - ip: 10.1.2.3
    hostnames:
    - foo.remote
    - bar.remote
  - ip: 127.0.0.1
    hostnames:
    - foo.local`;

const run = (profile: ProfileName, yaml: string) => kdrive({ seed: 4, profile }).apply(yaml).advance(60_000);

describe('a hostNetwork Pod on kind', () => {
  it('has the node’s host name: hostname, /etc/hostname, HOSTNAME, uname -n', () => {
    const d = run('kind', hostNetPod('kind-worker2'));
    for (const cmd of ['hostname', 'cat /etc/hostname', 'printenv HOSTNAME', 'uname -n']) {
      d.kubectl(`exec hostnet -- ${cmd}`);
      expect([cmd, d.text()]).toEqual([cmd, 'kind-worker2\n']);
    }
    d.kubectl("exec hostnet -- sh -c 'echo $HOSTNAME'");
    expect(d.text()).toBe('kind-worker2\n');
  });

  it('has the node’s /etc/hosts (Docker’s, with both of the node’s addresses) and its hostAliases', () => {
    const d = run('kind', hostNetPod('kind-worker2', ALIASES));
    d.kubectl('exec hostnet -- cat /etc/hosts');
    expect(d.text()).toBe(
      '# Kubernetes-managed hosts file (host network).\n' +
        '127.0.0.1\tlocalhost\n' +
        '::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::\tip6-localnet\n' +
        'ff00::\tip6-mcastprefix\n' +
        'ff02::1\tip6-allnodes\n' +
        'ff02::2\tip6-allrouters\n' +
        '172.18.0.4\tkind-worker2\n' +
        'fc00:f853:ccd:e793::4\tkind-worker2\n' +
        '\n' +
        '# Entries added by HostAliases.\n' +
        '10.1.2.3\tfoo.remote\tbar.remote\n' +
        '127.0.0.1\tfoo.local\n',
    );
  });

  it('looks names up in that file first: its own host name, an alias, hostname -i', () => {
    const d = run(
      'kind',
      hostNetPod('kind-control-plane', ALIASES).replace(
        'spec:\n',
        'spec:\n  tolerations:\n  - operator: Exists\n',
      ),
    );
    d.kubectl('exec hostnet -- hostname -i');
    expect(d.text()).toBe('172.18.0.2\n');
    d.kubectl('exec hostnet -- ping -c 1 kind-control-plane');
    expect(d.stdout().split('\n')[0]).toBe('PING kind-control-plane (172.18.0.2): 56 data bytes');
    d.kubectl('exec hostnet -- ping -c 1 foo.local');
    expect(d.stdout().split('\n')[0]).toBe('PING foo.local (127.0.0.1): 56 data bytes');
    expect(d.exitCode()).toBe(0);
  });
});

describe.each<[ProfileName, string]>([
  ['docker-desktop', 'docker-desktop'],
  ['k3s', 'k3s-server'],
])('a hostNetwork Pod on %s', (profile, node) => {
  it('has the node’s host name and, for the node’s own file, the kubelet’s boilerplate', () => {
    const d = run(profile, hostNetPod(node));
    d.kubectl('exec hostnet -- hostname');
    expect(d.text()).toBe(`${node}\n`);
    d.kubectl('exec hostnet -- printenv HOSTNAME');
    expect(d.text()).toBe(`${node}\n`);
    // No hostAliases: no blank line and no header for them.
    d.kubectl('exec hostnet -- cat /etc/hosts');
    expect(d.text()).toBe(
      '# Kubernetes-managed hosts file (host network).\n' +
        '127.0.0.1\tlocalhost\n' +
        '::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\n' +
        'fe00::0\tip6-mcastprefix\n' +
        'fe00::1\tip6-allnodes\n' +
        'fe00::2\tip6-allrouters\n',
    );
  });
});

describe('a Pod on the pod network: managedHostsFileContent', () => {
  const pod = (spec: string, name = 'web') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${spec}
  containers:
  - name: sleep
    image: kiamol/ch03-sleep
`;

  it('with hostname and subdomain: the FQDN line, then the hostAliases; the host name is spec.hostname', () => {
    const d = run('docker-desktop', pod(`\n  hostname: web-0\n  subdomain: web${ALIASES}`));
    d.kubectl('get pod web -o jsonpath={.status.podIP}');
    const ip = d.stdout();
    expect(ip).toMatch(/^10\.1\.0\.\d+$/);
    d.kubectl('exec web -- cat /etc/hosts');
    expect(d.text()).toBe(
      '# Kubernetes-managed hosts file.\n' +
        '127.0.0.1\tlocalhost\n' +
        '::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\n' +
        'fe00::0\tip6-mcastprefix\n' +
        'fe00::1\tip6-allnodes\n' +
        'fe00::2\tip6-allrouters\n' +
        `${ip}\tweb-0.web.default.svc.cluster.local\tweb-0\n` +
        '\n' +
        '# Entries added by HostAliases.\n' +
        '10.1.2.3\tfoo.remote\tbar.remote\n' +
        '127.0.0.1\tfoo.local\n',
    );
    for (const cmd of ['hostname', 'cat /etc/hostname', 'printenv HOSTNAME']) {
      d.kubectl(`exec web -- ${cmd}`);
      expect([cmd, d.text()]).toEqual([cmd, 'web-0\n']);
    }
    d.kubectl('exec web -- hostname -i');
    expect(d.text()).toBe(`${ip}\n`);
    d.kubectl('exec web -- ping -c 1 bar.remote');
    expect(d.stdout().split('\n')[0]).toBe('PING bar.remote (10.1.2.3): 56 data bytes');
  });

  it('setHostnameAsFQDN: the kernel host name (hostname, HOSTNAME, /etc/hostname) is the FQDN; /etc/hosts is unchanged', () => {
    const d = run('kind', pod('\n  hostname: db-0\n  subdomain: db\n  setHostnameAsFQDN: true'));
    for (const cmd of ['hostname', 'cat /etc/hostname', 'printenv HOSTNAME', 'uname -n']) {
      d.kubectl(`exec web -- ${cmd}`);
      expect([cmd, d.text()]).toEqual([cmd, 'db-0.db.default.svc.cluster.local\n']);
    }
    d.kubectl('get pod web -o jsonpath={.status.podIP}');
    const ip = d.stdout();
    d.kubectl('exec web -- cat /etc/hosts');
    expect(d.text().endsWith(`\n${ip}\tdb-0.db.default.svc.cluster.local\tdb-0\n`)).toBe(true);
    d.kubectl('exec web -- hostname -i');
    expect(d.text()).toBe(`${ip}\n`);
  });

  it('a name longer than 63 characters is cut to 63, less any trailing dash (truncatePodHostnameIfNeeded)', () => {
    const name = `${'a'.repeat(62)}-bcdef`;
    const d = run('docker-desktop', pod(' {}', name).replace('spec: {}\n', 'spec:\n'));
    d.kubectl(`exec ${name} -- hostname`);
    expect(d.text()).toBe(`${'a'.repeat(62)}\n`);
    d.kubectl(`exec ${name} -- cat /etc/hosts`);
    expect(d.text()).toMatch(/\n10\.1\.0\.\d+\ta{62}\n$/);
  });

  it('a line the container adds to /etc/hosts is looked up like the kubelet’s', () => {
    const d = run('docker-desktop', pod(''));
    d.kubectl(`exec web -- sh -c 'echo "10.9.8.7 db.example" >> /etc/hosts; ping -c 1 db.example'`);
    expect(d.stdout().split('\n')[0]).toBe('PING db.example (10.9.8.7): 56 data bytes');
  });
});
