// kubeadm's kube-proxy ConfigMap in kube-system (Docker Desktop and kind run kubeadm; k3s runs
// kube-proxy inside its own binary and has none), built on its first read (bound late, from
// ./published-build) as kubeadm 1.34's EnsureProxyAddon writes it
// (cmd/kubeadm/app/phases/addons/proxy/manifests.go KubeProxyConfigMap19; proxy.go):
// - label app: kube-proxy;
// - kubeconfig.conf: the template's kubeconfig, server = the control-plane endpoint (kind's
//   `controlPlaneEndpoint: kind-control-plane:6443`, pkg/cluster/internal/create/actions/config
//   and the docker provider's GetAPIServerInternalEndpoint; Docker Desktop's
//   https://vm.docker.internal:6443, as a Docker Desktop cluster's ConfigMap shows it);
// - config.conf: the KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1, k8s.io/kube-proxy
//   v0.34 config/v1alpha1/types.go) marshalled by kubeadm without the component's own defaults
//   (zero values, nulls for unset pointers; `logging` from component-base logs/api/v1, its json
//   and text options' infoBufferSize "0"), keys sorted as sigs.k8s.io/yaml writes them. kubeadm's
//   Default (componentconfigs/kubeproxy.go) sets bindAddress 0.0.0.0 (IPv4),
//   clientConnection.kubeconfig and clusterCIDR = networking.podSubnet. kind's kubeadm config adds
//   mode (kind's default "iptables"), iptables.minSyncPeriod 1s and conntrack.maxPerCore 0
//   (pkg/cluster/internal/kubeadm/config.go); Docker Desktop's leaves mode "" (kube-proxy's
//   default, iptables). The IPVS option sets mode: ipvs on either. Docker Desktop's clusterCIDR is
//   the profile's (what ../net's rules use); a 2021 Docker Desktop's ConfigMap had "" (no
//   podSubnet in its kubeadm config then), and its 1.34 config is not published.
// Both data values are `|-` blocks in the template: no trailing newline.
//
// kube-public/cluster-info (kubeadm's bootstraptoken/clusterinfo CreateBootstrapConfigMapIfNotExists):
// key kubeconfig, admin.conf's cluster (the CA's PEM as certificate-authority-data, the server)
// under the name "" written by clientcmd.Write (client-go v0.34 tools/clientcmd/api/v1: null
// contexts and users, preferences omitzero). The bootstrap token kubeadm init made lived 24h: the
// token cleaner has deleted its Secret and the bootstrap signer the jws-kubeconfig-<id> key, so a
// cluster days old has neither.
//
// kube-system/kube-apiserver-legacy-service-account-token-tracking (every 1.34 kube-apiserver, k3s's
// too; pkg/controlplane/controller/legacytokentracking): key since, the UTC date (2006-01-02) the
// API server first ran.
import type { Profile } from '../profiles';
import { base64Encode, utf8Bytes } from './go-base64';

const KUBECONFIG_SERVER: Record<string, string> = {
  kind: 'https://kind-control-plane:6443',
  'docker-desktop': 'https://vm.docker.internal:6443',
};

/** kubeconfig.conf as the template renders it for `server`. */
export function kubeProxyKubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
}

/** config.conf: the KubeProxyConfiguration kubeadm uploads for `profile`. */
export function kubeProxyConfigConf(profile: Profile): string {
  const kind = profile.distro === 'kind';
  const mode = profile.proxyMode === 'ipvs' ? 'ipvs' : kind ? 'iptables' : '""';
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${profile.clusterCIDR}
configSyncPeriod: 0s
conntrack:
  maxPerCore: ${kind ? '0' : 'null'}
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: ${kind ? '1s' : '0s'}
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ${mode}
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

/** kube-public/cluster-info's kubeconfig for the cluster CA `caPem`. */
export function clusterInfoKubeconfig(profile: Profile, caPem: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${base64Encode(utf8Bytes(caPem))}
    server: ${KUBECONFIG_SERVER[profile.distro] ?? ''}
  name: ""
contexts: null
current-context: ""
kind: Config
users: null
`;
}

export const LEGACY_TOKEN_TRACKING = 'kube-apiserver-legacy-service-account-token-tracking';

/** The data of kube-system/kube-proxy on a kubeadm profile. */
export function kubeProxyConfigMapData(profile: Profile): Record<string, string> {
  return {
    'config.conf': kubeProxyConfigConf(profile),
    'kubeconfig.conf': kubeProxyKubeconfig(KUBECONFIG_SERVER[profile.distro] ?? ''),
  };
}
