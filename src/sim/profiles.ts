// Cluster profiles (reference §C3, §D). Ranges, names and addresses a real cluster of each kind uses.
import type { ProfileName, ProxyMode } from './contract';

export interface NodeSpec {
  name: string;
  /** The node's InternalIP. */
  ip: string;
  /** Per-node pod CIDR handed to host-local IPAM. */
  podCIDR: string;
  controlPlane: boolean;
}

export interface Profile {
  name: ProfileName;
  proxyMode: ProxyMode;
  nodes: NodeSpec[];
  /** The whole cluster's pod CIDR (kube-proxy's local-traffic detection: `! -s <clusterCIDR>`). */
  clusterCIDR: string;
  serviceCIDR: string;
  kubernetesServiceIP: string;
  dnsServiceIP: string;
  /** Endpoint of the `kubernetes` Service (the API server). */
  apiServerEndpoint: { ip: string; port: number };
  /** How LoadBalancer Services get status.loadBalancer.ingress. */
  loadBalancer: 'localhost' | 'node-ip' | 'pending';
  /** Whether NodePorts are reachable from the student's machine (kind: not without extraPortMappings). */
  nodePortFromHost: boolean;
  clusterDomain: string;
  serverVersion: string;
  /** Extra kube-system Services on this distro (k3s: metrics-server, traefik). */
  distro: 'docker-desktop' | 'kind' | 'k3s';
}

export function getProfile(name: ProfileName = 'docker-desktop', proxyMode: ProxyMode = 'iptables'): Profile {
  switch (name) {
    case 'kind':
      return {
        name,
        proxyMode,
        nodes: [
          { name: 'kind-control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
          { name: 'kind-worker', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
          { name: 'kind-worker2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
        ],
        clusterCIDR: '10.244.0.0/16',
        serviceCIDR: '10.96.0.0/16',
        kubernetesServiceIP: '10.96.0.1',
        dnsServiceIP: '10.96.0.10',
        apiServerEndpoint: { ip: '172.18.0.2', port: 6443 },
        loadBalancer: 'pending',
        nodePortFromHost: false,
        clusterDomain: 'cluster.local',
        serverVersion: 'v1.34.0',
        distro: 'kind',
      };
    case 'k3s':
      return {
        name,
        proxyMode,
        nodes: [{ name: 'k3s-server', ip: '172.28.132.127', podCIDR: '10.42.0.0/24', controlPlane: true }],
        clusterCIDR: '10.42.0.0/16',
        serviceCIDR: '10.43.0.0/16',
        kubernetesServiceIP: '10.43.0.1',
        dnsServiceIP: '10.43.0.10',
        apiServerEndpoint: { ip: '172.28.132.127', port: 6443 },
        loadBalancer: 'node-ip',
        nodePortFromHost: true,
        clusterDomain: 'cluster.local',
        serverVersion: 'v1.34.1+k3s1',
        distro: 'k3s',
      };
    default:
      return {
        name: 'docker-desktop',
        proxyMode,
        nodes: [{ name: 'docker-desktop', ip: '192.168.65.3', podCIDR: '10.1.0.0/16', controlPlane: true }],
        clusterCIDR: '10.1.0.0/16',
        serviceCIDR: '10.96.0.0/12',
        kubernetesServiceIP: '10.96.0.1',
        dnsServiceIP: '10.96.0.10',
        apiServerEndpoint: { ip: '192.168.65.3', port: 6443 },
        loadBalancer: 'localhost',
        nodePortFromHost: true,
        clusterDomain: 'cluster.local',
        serverVersion: 'v1.34.1',
        distro: 'docker-desktop',
      };
  }
}
