// Who a container thinks it is: its host name (`hostname`, /etc/hostname, $HOSTNAME, `uname -n`)
// and the /etc/hosts the kubelet mounts into it (pkg/kubelet/kubelet_pods.go makeMounts →
// makeHostsMount → ensureHostsFile). A Pod on the pod network gets its own name and a managed
// file (managedHostsFileContent); a hostNetwork Pod shares the node's UTS namespace, so it has
// the node's host name, and gets the node's own /etc/hosts (nodeHostsFileContent).
import type { Node, Pod } from '../api/types';
import type { Cluster } from '../contract';
import { getProfile } from '../profiles';

/**
 * truncatePodHostnameIfNeeded (kubelet_pods.go): a host name is at most 63 characters; the cut
 * one loses any trailing `-` or `.`.
 */
export function truncateHostname(name: string): string {
  return name.length <= 63 ? name : name.slice(0, 63).replace(/[-.]+$/, '');
}

function nodeOf(cluster: Cluster, pod: Pod): Node | undefined {
  const name = pod.spec.nodeName;
  return name === undefined ? undefined : (cluster.get('Node', undefined, name) as Node | undefined);
}

/**
 * The node's host name: its `Hostname` address, which the kubelet reports from os.Hostname()
 * (kind runs each node container with `--hostname <node>`; k3s and Docker Desktop name the node
 * after the host), else the node's name.
 */
function nodeHostname(cluster: Cluster, pod: Pod): string {
  const node = nodeOf(cluster, pod);
  const addr = node?.status.addresses?.find((a) => a.type === 'Hostname')?.address;
  return addr ?? node?.metadata.name ?? pod.spec.nodeName ?? '';
}

/** GeneratePodHostNameAndDomain: spec.hostname if set, else the Pod's name, truncated; the domain from spec.subdomain. */
function hostAndDomain(cluster: Cluster, pod: Pod): [string, string] {
  const sub = pod.spec.subdomain;
  const ns = pod.metadata.namespace ?? 'default';
  return [
    truncateHostname(pod.spec.hostname || pod.metadata.name),
    sub ? `${sub}.${ns}.svc.${getProfile(cluster.profile).clusterDomain}` : '',
  ];
}

/**
 * The container's host name (the kernel's nodename). On the pod network the kubelet puts it in
 * the sandbox config (kuberuntime_sandbox.go generatePodSandboxConfig → GetNodenameForKernel:
 * GeneratePodHostNameAndDomain's name, or `<name>.<domain>` with spec.setHostnameAsFQDN and a
 * subdomain) and containerd writes it to /etc/hostname and sets HOSTNAME from it. On the host
 * network the kubelet leaves it empty and containerd, sharing the node's UTS namespace, uses
 * os.Hostname() for both. Not modelled: an FQDN over 64 characters, for which the kubelet fails
 * to create the sandbox.
 */
export function podHostname(cluster: Cluster, pod: Pod): string {
  if (pod.spec.hostNetwork) return nodeHostname(cluster, pod);
  const [host, domain] = hostAndDomain(cluster, pod);
  const fqdn = (pod.spec as { setHostnameAsFQDN?: boolean }).setHostnameAsFQDN === true && domain !== '';
  return fqdn ? `${host}.${domain}` : host;
}

/**
 * The node's own /etc/hosts, which nodeHostsFileContent copies for a hostNetwork Pod.
 *
 * kind: a node is a Docker container on the `kind` network (172.18.0.0/16 and the IPv6 ULA
 * fc00:f853:ccd:e793::/64 kind derives from the network's name), so Docker wrote the file:
 * moby's libnetwork/etchosts default records (as current engines print them, netip-formatted:
 * `fe00::`, `ff00::`; older ones wrote `fe00::0`, `ff00::0`) then the container's address on each family with its host name. Docker's
 * IPAM hands both families' addresses out in the same order, so the IPv6 host part follows the
 * IPv4 one (172.18.0.2 ↔ fc00:f853:ccd:e793::2). Checked against a real hostNetwork Pod's file
 * on a kind-provisioned Docker Desktop cluster.
 *
 * Docker Desktop's VM and a k3s host: what their /etc/hosts holds is not established here, so
 * the kubelet's own managed lines stand in for it (managedHostsFileContent's boilerplate, without
 * its header and without a line for the node).
 */
export function nodeHostsFile(cluster: Cluster, pod: Pod): string {
  if (getProfile(cluster.profile).distro === 'kind') {
    const node = nodeOf(cluster, pod);
    const ip = node?.status.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const name = nodeHostname(cluster, pod);
    let text =
      '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\n' +
      'ff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
    if (ip) {
      const [, , c = 0, d = 0] = ip.split('.').map(Number);
      text += `${ip}\t${name}\nfc00:f853:ccd:e793::${((c << 8) | d).toString(16)}\t${name}\n`;
    }
    return text;
  }
  return BOILERPLATE;
}

/** managedHostsFileContent's fixed lines after its header. */
const BOILERPLATE =
  '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
  'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

interface HostAlias {
  ip?: string;
  hostnames?: string[];
}

/** hostsEntriesFromHostAliases: a blank line, a header, then one line per IP with all its names. */
function hostAliasLines(pod: Pod): string {
  const aliases = (pod.spec as { hostAliases?: HostAlias[] }).hostAliases ?? [];
  if (aliases.length === 0) return '';
  let text = '\n# Entries added by HostAliases.\n';
  for (const a of aliases) text += `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`;
  return text;
}

/**
 * The /etc/hosts the kubelet mounts (ensureHostsFile). On the host network: a header, the node's
 * file, the hostAliases (nodeHostsFileContent). Otherwise managedHostsFileContent: a header, the
 * boilerplate, a line per Pod IP with the host name (`<ip>\t<host>.<subdomain>.<ns>.svc.<domain>\t<host>`
 * when spec.subdomain is set), the hostAliases.
 */
export function podHostsFile(cluster: Cluster, pod: Pod): string {
  if (pod.spec.hostNetwork)
    return `# Kubernetes-managed hosts file (host network).\n${nodeHostsFile(cluster, pod)}${hostAliasLines(pod)}`;
  const [host, domain] = hostAndDomain(cluster, pod);
  const names = domain ? `${host}.${domain}\t${host}` : host;
  let text = `# Kubernetes-managed hosts file.\n${BOILERPLATE}`;
  const ips = pod.status?.podIPs ?? (pod.status?.podIP ? [{ ip: pod.status.podIP }] : []);
  for (const { ip } of ips) text += `${ip}\t${names}\n`;
  return text + hostAliasLines(pod);
}

/**
 * The IPv4 addresses /etc/hosts gives `name`, in file order (musl's name_from_hosts: text from a
 * `#` on is a comment, the first field is the address, a line matches when any later field is the
 * name). Only IPv4 lines count: the simulated network has no IPv6.
 */
export function hostsFileAddresses(text: string, name: string): string[] {
  const want = name.toLowerCase();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const [addr, ...names] = (line.split('#')[0] ?? '').trim().split(/\s+/);
    if (addr && /^\d+\.\d+\.\d+\.\d+$/.test(addr) && names.some((n) => n.toLowerCase() === want))
      out.push(addr);
  }
  return out;
}
