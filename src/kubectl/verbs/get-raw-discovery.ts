// The discovery documents `kubectl get --raw` reads from a 1.34 API server (legacy JSON, as
// kubectl's REST client asks for application/json without the aggregated-discovery profile):
// - `/api`: kube-apiserver's legacyRootAPIHandler [apiserver v0.34.9 endpoints/discovery/legacy.go]:
//   APIVersions{versions: ["v1"], serverAddressByClientCIDRs: DefaultAddresses' one rule,
//   clientCIDR 0.0.0.0/0 → the external address} [endpoints/discovery/addresses.go]. The external
//   address is the advertise address with the secure port (genericapiserver Config.Complete joins
//   SecureServing's port): 6443 under kubeadm (Docker Desktop, kind); k3s runs kube-apiserver on
//   --secure-port=6444 behind its supervisor's 6443 (k3s pkg/daemons/control/server.go).
//   APIVersions is unversioned: no apiVersion key (a real `-v=8` log shows
//   `{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[…]}`).
// - `/apis` and `/apis/<group>`: kube-aggregator's apisHandler / apiGroupHandler
//   [kube-aggregator pkg/apiserver/handler_apis.go]: apiregistration.k8s.io first, then every
//   APIService's group by GroupPriorityMinimum (highest first, ties by APIService name
//   `<version>.<group>`), versions by VersionPriority [apiregistration/v1/helper
//   SortedByGroupAndVersion]; no serverAddressByClientCIDRs. The priorities are kube-apiserver's
//   [cmd/kube-apiserver/app/aggregator.go apiVersionPriorities merged over
//   pkg/controlplane/apiserver/aggregator.go DefaultGenericAPIServicePriorities], a CRD group's
//   is 1000 [crdregistration_controller.go], metrics-server's APIService asks for 100.
// The groups and versions served are ./api-resources-data's.
import type { ProfileName } from '../../sim/contract';
import { getProfile } from '../../sim/profiles';
import { apiVersionsFor } from './api-resources-data';

/** GroupPriorityMinimum of each built-in group (and k3s's add-ons). */
const GROUP_PRIORITY: Record<string, number> = {
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'admissionregistration.k8s.io': 16700,
  'apiextensions.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'resource.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
  'metrics.k8s.io': 100,
};
/** VersionPriority where a group serves two versions (autoscaling: v2 30, v1 15). */
const VERSION_PRIORITY: Record<string, number> = { 'autoscaling/v2': 30, 'autoscaling/v1': 15 };
const CRD_GROUP_PRIORITY = 1000;

export interface DiscoveryGroup {
  name: string;
  /** Versions, preferred first. */
  versions: string[];
}

/** The groups `/apis` lists, in the aggregator's order (apiregistration.k8s.io first). */
export function discoveryGroups(profile: ProfileName): DiscoveryGroup[] {
  const services: { group: string; version: string; gp: number; vp: number; name: string }[] = [];
  for (const gv of apiVersionsFor(profile)) {
    const slash = gv.indexOf('/');
    if (slash < 0) continue; // the legacy group is /api's
    const group = gv.slice(0, slash);
    const version = gv.slice(slash + 1);
    if (group === 'apiregistration.k8s.io') continue;
    services.push({
      group,
      version,
      gp: GROUP_PRIORITY[group] ?? CRD_GROUP_PRIORITY,
      vp: VERSION_PRIORITY[gv] ?? 15,
      name: `${version}.${group}`,
    });
  }
  services.sort((a, b) => b.gp - a.gp || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const groups: DiscoveryGroup[] = [{ name: 'apiregistration.k8s.io', versions: ['v1'] }];
  const seen = new Map<string, typeof services>();
  for (const s of services) {
    const list = seen.get(s.group);
    if (list) list.push(s);
    else {
      const l = [s];
      seen.set(s.group, l);
      groups.push({ name: s.group, versions: [] });
    }
  }
  for (const g of groups.slice(1)) {
    const list = (seen.get(g.name) ?? []).sort((a, b) => b.vp - a.vp);
    g.versions = list.map((s) => s.version);
  }
  return groups;
}

function groupJson(g: DiscoveryGroup): string {
  const gv = (v: string) =>
    `{"groupVersion":${JSON.stringify(`${g.name}/${v}`)},"version":${JSON.stringify(v)}}`;
  return `"name":${JSON.stringify(g.name)},"versions":[${g.versions.map(gv).join(',')}],"preferredVersion":${gv(g.versions[0] as string)}`;
}

/** `/apis`: APIGroupList. */
export function apiGroupList(profile: ProfileName): string {
  const groups = discoveryGroups(profile).map((g) => `{${groupJson(g)}}`);
  return `{"kind":"APIGroupList","apiVersion":"v1","groups":[${groups.join(',')}]}\n`;
}

/** `/apis/<group>`: APIGroup, or undefined when the group is not served. */
export function apiGroup(profile: ProfileName, name: string): string | undefined {
  const g = discoveryGroups(profile).find((x) => x.name === name);
  return g && `{"kind":"APIGroup","apiVersion":"v1",${groupJson(g)}}\n`;
}

/** `/api`: APIVersions with the external address. */
export function apiVersions(profile: ProfileName): string {
  const p = getProfile(profile);
  const port = profile === 'k3s' ? 6444 : p.apiServerEndpoint.port;
  return `{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"${p.apiServerEndpoint.ip}:${port}"}]}\n`;
}
