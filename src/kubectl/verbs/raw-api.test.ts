// kubectl get --raw /version, /api/v1, /apis/G/V and the health endpoints' named checks
// (raw-version.ts, raw-resources.ts, get-raw.ts). Golden bytes copied by hand from real servers'
// answers (see the sources in raw-version.ts / raw-resources.ts), not from the code under test.
import { describe, expect, it } from 'vitest';
import { KIND_NAMES, KINDS } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import type { ProfileName } from '../../sim/contract';
import { kdrive } from '../testing';
import { apiResourcesFor, apiVersionsFor } from './api-resources-data';
import { LISTED_GROUP_VERSIONS, listedResources, storageVersionHash } from './raw-resources';
import { scaleJson } from './raw-scale';

const NOT_FOUND = 'Error from server (NotFound): the server could not find the requested resource\n';
const PROFILES: ProfileName[] = ['docker-desktop', 'kind', 'k3s'];

const ALL = '["create","delete","deletecollection","get","list","patch","update","watch"]';
const GPU = '["get","patch","update"]';
const PROXY = '["create","delete","get","patch","update"]';
/** A top-level resource line (the STD verbs unless given). */
function top(
  name: string,
  kind: string,
  ns: boolean,
  hash: string,
  extra: { short?: string; cat?: string; verbs?: string } = {},
): string {
  let s = `{"name":"${name}","singularName":"${kind.toLowerCase()}","namespaced":${ns},"kind":"${kind}","verbs":${extra.verbs ?? ALL}`;
  if (extra.short) s += `,"shortNames":${extra.short}`;
  if (extra.cat) s += `,"categories":${extra.cat}`;
  if (hash) s += `,"storageVersionHash":"${hash}"`;
  return `${s}}`;
}
function sub(name: string, kind: string, ns: boolean, verbs: string, gv?: [string, string]): string {
  const g = gv ? `,"group":"${gv[0]}","version":"${gv[1]}"` : '';
  return `{"name":"${name}","singularName":"","namespaced":${ns}${g},"kind":"${kind}","verbs":${verbs}}`;
}

describe('kubectl get --raw /version', () => {
  it("is the release's version.Info, MarshalIndent with two spaces and no newline", () => {
    const expected: Record<ProfileName, string> = {
      'docker-desktop': `{
  "major": "1",
  "minor": "34",
  "emulationMajor": "1",
  "emulationMinor": "34",
  "minCompatibilityMajor": "1",
  "minCompatibilityMinor": "33",
  "gitVersion": "v1.34.1",
  "gitCommit": "93248f9ae092f571eb870b7664c534bfc7d00f03",
  "gitTreeState": "clean",
  "buildDate": "2025-09-09T19:37:20Z",
  "goVersion": "go1.24.6",
  "compiler": "gc",
  "platform": "linux/amd64"
}`,
      kind: `{
  "major": "1",
  "minor": "34",
  "emulationMajor": "1",
  "emulationMinor": "34",
  "minCompatibilityMajor": "1",
  "minCompatibilityMinor": "33",
  "gitVersion": "v1.34.0",
  "gitCommit": "f28b4c9efbca5c5c0af716d9f2d5702667ee8a45",
  "gitTreeState": "clean",
  "buildDate": "2025-08-27T10:09:04Z",
  "goVersion": "go1.24.6",
  "compiler": "gc",
  "platform": "linux/amd64"
}`,
      k3s: `{
  "major": "1",
  "minor": "34",
  "emulationMajor": "1",
  "emulationMinor": "34",
  "minCompatibilityMajor": "1",
  "minCompatibilityMinor": "33",
  "gitVersion": "v1.34.1+k3s1",
  "gitCommit": "24fc436e6ea59c56ebc37727baa4e6c9a201ee01",
  "gitTreeState": "clean",
  "buildDate": "2025-09-22T21:39:43Z",
  "goVersion": "go1.24.6",
  "compiler": "gc",
  "platform": "linux/amd64"
}`,
    };
    for (const profile of PROFILES) {
      const d = kdrive({ seed: 1, profile }).kubectl('get --raw /version');
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([expected[profile], '', 0]);
      // The same gitVersion `kubectl version` prints for the profile (one source of truth).
      const server = /Server Version: (\S+)/.exec(d.kubectl('version').stdout())?.[1];
      expect(JSON.parse(expected[profile]).gitVersion).toBe(server);
      // WriteRawJSON ignores ?pretty; a trailing slash routes to the same handler.
      expect(d.kubectl('get --raw /version/?pretty=true').stdout()).toBe(expected[profile]);
    }
  });
});

describe('kubectl version -o json|yaml', () => {
  it("prints the server's whole version.Info, the one /version answers", () => {
    const d = kdrive({ seed: 1 });
    const raw = JSON.parse(d.kubectl('get --raw /version').stdout());
    expect(JSON.parse(d.kubectl('version -o json').stdout()).serverVersion).toEqual(raw);
    // sigs.k8s.io/yaml: keys sorted, strings that read back as numbers or timestamps quoted.
    expect(d.kubectl('version -o yaml').stdout()).toBe(
      `clientVersion:
  gitVersion: v1.34.1
  major: "1"
  minor: "34"
kustomizeVersion: v5.7.1
serverVersion:
  buildDate: "2025-09-09T19:37:20Z"
  compiler: gc
  emulationMajor: "1"
  emulationMinor: "34"
  gitCommit: 93248f9ae092f571eb870b7664c534bfc7d00f03
  gitTreeState: clean
  gitVersion: v1.34.1
  goVersion: go1.24.6
  major: "1"
  minCompatibilityMajor: "1"
  minCompatibilityMinor: "33"
  minor: "34"
  platform: linux/amd64
`,
    );
    expect(d.kubectl('version -o yaml --client').stdout()).not.toContain('serverVersion');
  });
});

describe('kubectl get --raw: resource lists', () => {
  it('/api/v1 is the core APIResourceList without apiVersion, sorted by path', () => {
    const CREATE = '["create"]';
    const lines = [
      top('bindings', 'Binding', true, '', { verbs: CREATE }),
      top('componentstatuses', 'ComponentStatus', false, '', { short: '["cs"]', verbs: '["get","list"]' }),
      top('configmaps', 'ConfigMap', true, 'qFsyl6wFWjQ=', { short: '["cm"]' }),
      top('endpoints', 'Endpoints', true, 'fWeeMqaN/OA=', { short: '["ep"]' }),
      top('events', 'Event', true, 'r2yiGXH7wu8=', { short: '["ev"]' }),
      top('limitranges', 'LimitRange', true, 'EBKMFVe6cwo=', { short: '["limits"]' }),
      top('namespaces', 'Namespace', false, 'Q3oi5N2YM8M=', {
        short: '["ns"]',
        verbs: '["create","delete","get","list","patch","update","watch"]',
      }),
      sub('namespaces/finalize', 'Namespace', false, '["update"]'),
      sub('namespaces/status', 'Namespace', false, GPU),
      top('nodes', 'Node', false, 'XwShjMxG9Fs=', { short: '["no"]' }),
      sub('nodes/proxy', 'NodeProxyOptions', false, PROXY),
      sub('nodes/status', 'Node', false, GPU),
      top('persistentvolumeclaims', 'PersistentVolumeClaim', true, 'QWTyNDq0dC4=', { short: '["pvc"]' }),
      sub('persistentvolumeclaims/status', 'PersistentVolumeClaim', true, GPU),
      top('persistentvolumes', 'PersistentVolume', false, 'HN/zwEC+JgM=', { short: '["pv"]' }),
      sub('persistentvolumes/status', 'PersistentVolume', false, GPU),
      top('pods', 'Pod', true, 'xPOwRZ+Yhw8=', { short: '["po"]', cat: '["all"]' }),
      sub('pods/attach', 'PodAttachOptions', true, '["create","get"]'),
      sub('pods/binding', 'Binding', true, CREATE),
      sub('pods/ephemeralcontainers', 'Pod', true, GPU),
      sub('pods/eviction', 'Eviction', true, CREATE, ['policy', 'v1']),
      sub('pods/exec', 'PodExecOptions', true, '["create","get"]'),
      sub('pods/log', 'Pod', true, '["get"]'),
      sub('pods/portforward', 'PodPortForwardOptions', true, '["create","get"]'),
      sub('pods/proxy', 'PodProxyOptions', true, PROXY),
      sub('pods/resize', 'Pod', true, GPU),
      sub('pods/status', 'Pod', true, GPU),
      top('podtemplates', 'PodTemplate', true, 'LIXB2x4IFpk='),
      top('replicationcontrollers', 'ReplicationController', true, 'Jond2If31h0=', {
        short: '["rc"]',
        cat: '["all"]',
      }),
      sub('replicationcontrollers/scale', 'Scale', true, GPU, ['autoscaling', 'v1']),
      sub('replicationcontrollers/status', 'ReplicationController', true, GPU),
      top('resourcequotas', 'ResourceQuota', true, '8uhSgffRX6w=', { short: '["quota"]' }),
      sub('resourcequotas/status', 'ResourceQuota', true, GPU),
      top('secrets', 'Secret', true, 'S6u1pOWzb84='),
      top('serviceaccounts', 'ServiceAccount', true, 'pbx9ZvyFpBE=', { short: '["sa"]' }),
      sub('serviceaccounts/token', 'TokenRequest', true, CREATE, ['authentication.k8s.io', 'v1']),
      top('services', 'Service', true, '0/CO1lhkEBI=', { short: '["svc"]', cat: '["all"]' }),
      sub('services/proxy', 'ServiceProxyOptions', true, PROXY),
      sub('services/status', 'Service', true, GPU),
    ];
    const expected = `{"kind":"APIResourceList","groupVersion":"v1","resources":[${lines.join(',')}]}\n`;
    // The start of a real server's /api/v1 body (a `-v=8` discovery log), verbatim.
    expect(expected).toContain(
      '{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"bindings","singularName":"binding","namespaced":true,"kind":"Binding","verbs":["create"]},{"name":"componentstatuses","singularName":"componentstatus","namespaced":false,"kind":"ComponentStatus","verbs":["get","list"],"shortNames":["cs"]},{"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["cm"],"storageVersionHash":"qFsyl6wFWjQ="},{"name":"endpoints","singularName":"endpoints","namespaced":true,"kind":"Endpoints","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ep"],"storageVersionHash":"fWeeMqaN/OA="},{"name":"events","singularName":"event","namespaced":true,"kind":"Event","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ev"],"storageVersionHash":"r2yiGXH7wu8="},{"name":"limitranges","singularName":"limitrange"',
    );
    for (const profile of PROFILES) {
      const d = kdrive({ seed: 1, profile }).kubectl('get --raw /api/v1');
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([expected, '', 0]);
    }
  });

  it('/apis/apps/v1, batch/v1, discovery.k8s.io/v1 and policy/v1 carry apiVersion v1', () => {
    const ALLC = '["all"]';
    const golden: Record<string, string[]> = {
      'apps/v1': [
        top('controllerrevisions', 'ControllerRevision', true, '85nkx63pcBU='),
        top('daemonsets', 'DaemonSet', true, 'dd7pWHUlMKQ=', { short: '["ds"]', cat: ALLC }),
        sub('daemonsets/status', 'DaemonSet', true, GPU),
        top('deployments', 'Deployment', true, '8aSe+NMegvE=', { short: '["deploy"]', cat: ALLC }),
        sub('deployments/scale', 'Scale', true, GPU, ['autoscaling', 'v1']),
        sub('deployments/status', 'Deployment', true, GPU),
        top('replicasets', 'ReplicaSet', true, 'P1RzHs8/mWQ=', { short: '["rs"]', cat: ALLC }),
        sub('replicasets/scale', 'Scale', true, GPU, ['autoscaling', 'v1']),
        sub('replicasets/status', 'ReplicaSet', true, GPU),
        top('statefulsets', 'StatefulSet', true, 'H+vl74LkKdo=', { short: '["sts"]', cat: ALLC }),
        sub('statefulsets/scale', 'Scale', true, GPU, ['autoscaling', 'v1']),
        sub('statefulsets/status', 'StatefulSet', true, GPU),
      ],
      'batch/v1': [
        top('cronjobs', 'CronJob', true, 'sd5LIXh4Fjs=', { short: '["cj"]', cat: ALLC }),
        sub('cronjobs/status', 'CronJob', true, GPU),
        top('jobs', 'Job', true, 'mudhfqk/qZY=', { cat: ALLC }),
        sub('jobs/status', 'Job', true, GPU),
      ],
      'discovery.k8s.io/v1': [top('endpointslices', 'EndpointSlice', true, 'qgS0xkrxYAI=')],
      'policy/v1': [
        top('poddisruptionbudgets', 'PodDisruptionBudget', true, 'EVWiDmWqyJw=', { short: '["pdb"]' }),
        sub('poddisruptionbudgets/status', 'PodDisruptionBudget', true, GPU),
      ],
    };
    const d = kdrive({ seed: 1 });
    for (const [gv, lines] of Object.entries(golden)) {
      d.kubectl(`get --raw /apis/${gv}`);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
        `{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"${gv}","resources":[${lines.join(',')}]}\n`,
        '',
        0,
      ]);
    }
  });

  it("matches a real API server's bytes for the other built-in group/versions", () => {
    // Response bodies copied verbatim from a real cluster's `kubectl get pods -v=8` discovery
    // log (the group/versions whose lists did not change up to 1.34).
    const real = [
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"coordination.k8s.io/v1","resources":[{"name":"leases","singularName":"lease","namespaced":true,"kind":"Lease","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"gqkMMb/YqFM="}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apiregistration.k8s.io/v1","resources":[{"name":"apiservices","singularName":"apiservice","namespaced":false,"kind":"APIService","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"categories":["api-extensions"],"storageVersionHash":"InPBPD7+PqM="},{"name":"apiservices/status","singularName":"","namespaced":false,"kind":"APIService","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"flowcontrol.apiserver.k8s.io/v1","resources":[{"name":"flowschemas","singularName":"flowschema","namespaced":false,"kind":"FlowSchema","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"GJVAJZSZBIw="},{"name":"flowschemas/status","singularName":"","namespaced":false,"kind":"FlowSchema","verbs":["get","patch","update"]},{"name":"prioritylevelconfigurations","singularName":"prioritylevelconfiguration","namespaced":false,"kind":"PriorityLevelConfiguration","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"Kir5PVfvNeI="},{"name":"prioritylevelconfigurations/status","singularName":"","namespaced":false,"kind":"PriorityLevelConfiguration","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"authentication.k8s.io/v1","resources":[{"name":"selfsubjectreviews","singularName":"selfsubjectreview","namespaced":false,"kind":"SelfSubjectReview","verbs":["create"]},{"name":"tokenreviews","singularName":"tokenreview","namespaced":false,"kind":"TokenReview","verbs":["create"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"events.k8s.io/v1","resources":[{"name":"events","singularName":"event","namespaced":true,"kind":"Event","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ev"],"storageVersionHash":"r2yiGXH7wu8="}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"certificates.k8s.io/v1","resources":[{"name":"certificatesigningrequests","singularName":"certificatesigningrequest","namespaced":false,"kind":"CertificateSigningRequest","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["csr"],"storageVersionHash":"95fRKMXA+00="},{"name":"certificatesigningrequests/approval","singularName":"","namespaced":false,"kind":"CertificateSigningRequest","verbs":["get","patch","update"]},{"name":"certificatesigningrequests/status","singularName":"","namespaced":false,"kind":"CertificateSigningRequest","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"rbac.authorization.k8s.io/v1","resources":[{"name":"clusterrolebindings","singularName":"clusterrolebinding","namespaced":false,"kind":"ClusterRoleBinding","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"48tpQ8gZHFc="},{"name":"clusterroles","singularName":"clusterrole","namespaced":false,"kind":"ClusterRole","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"bYE5ZWDrJ44="},{"name":"rolebindings","singularName":"rolebinding","namespaced":true,"kind":"RoleBinding","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"eGsCzGH6b1g="},{"name":"roles","singularName":"role","namespaced":true,"kind":"Role","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"7FuwZcIIItM="}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"policy/v1","resources":[{"name":"poddisruptionbudgets","singularName":"poddisruptionbudget","namespaced":true,"kind":"PodDisruptionBudget","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["pdb"],"storageVersionHash":"EVWiDmWqyJw="},{"name":"poddisruptionbudgets/status","singularName":"","namespaced":true,"kind":"PodDisruptionBudget","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"batch/v1","resources":[{"name":"cronjobs","singularName":"cronjob","namespaced":true,"kind":"CronJob","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["cj"],"categories":["all"],"storageVersionHash":"sd5LIXh4Fjs="},{"name":"cronjobs/status","singularName":"","namespaced":true,"kind":"CronJob","verbs":["get","patch","update"]},{"name":"jobs","singularName":"job","namespaced":true,"kind":"Job","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"categories":["all"],"storageVersionHash":"mudhfqk/qZY="},{"name":"jobs/status","singularName":"","namespaced":true,"kind":"Job","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apiextensions.k8s.io/v1","resources":[{"name":"customresourcedefinitions","singularName":"customresourcedefinition","namespaced":false,"kind":"CustomResourceDefinition","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["crd","crds"],"categories":["api-extensions"],"storageVersionHash":"jfWCUB31mvA="},{"name":"customresourcedefinitions/status","singularName":"","namespaced":false,"kind":"CustomResourceDefinition","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"authorization.k8s.io/v1","resources":[{"name":"localsubjectaccessreviews","singularName":"localsubjectaccessreview","namespaced":true,"kind":"LocalSubjectAccessReview","verbs":["create"]},{"name":"selfsubjectaccessreviews","singularName":"selfsubjectaccessreview","namespaced":false,"kind":"SelfSubjectAccessReview","verbs":["create"]},{"name":"selfsubjectrulesreviews","singularName":"selfsubjectrulesreview","namespaced":false,"kind":"SelfSubjectRulesReview","verbs":["create"]},{"name":"subjectaccessreviews","singularName":"subjectaccessreview","namespaced":false,"kind":"SubjectAccessReview","verbs":["create"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"discovery.k8s.io/v1","resources":[{"name":"endpointslices","singularName":"endpointslice","namespaced":true,"kind":"EndpointSlice","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"qgS0xkrxYAI="}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"autoscaling/v1","resources":[{"name":"horizontalpodautoscalers","singularName":"horizontalpodautoscaler","namespaced":true,"kind":"HorizontalPodAutoscaler","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["hpa"],"categories":["all"],"storageVersionHash":"qwQve8ut294="},{"name":"horizontalpodautoscalers/status","singularName":"","namespaced":true,"kind":"HorizontalPodAutoscaler","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"node.k8s.io/v1","resources":[{"name":"runtimeclasses","singularName":"runtimeclass","namespaced":false,"kind":"RuntimeClass","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"WQTu1GL3T2Q="}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"autoscaling/v2","resources":[{"name":"horizontalpodautoscalers","singularName":"horizontalpodautoscaler","namespaced":true,"kind":"HorizontalPodAutoscaler","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["hpa"],"categories":["all"],"storageVersionHash":"qwQve8ut294="},{"name":"horizontalpodautoscalers/status","singularName":"","namespaced":true,"kind":"HorizontalPodAutoscaler","verbs":["get","patch","update"]}]}',
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"scheduling.k8s.io/v1","resources":[{"name":"priorityclasses","singularName":"priorityclass","namespaced":false,"kind":"PriorityClass","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["pc"],"storageVersionHash":"1QwjyaZjj3Y="}]}',
    ];
    const d = kdrive({ seed: 1 });
    for (const body of real) {
      const gv = JSON.parse(body).groupVersion as string;
      d.kubectl(`get --raw /apis/${gv}`);
      expect([d.stdout(), d.stderr(), d.exitCode()], gv).toEqual([`${body}\n`, '', 0]);
    }
  });

  it('?pretty indents the list like every negotiated body; a trailing slash is the same path', () => {
    const d = kdrive({ seed: 1 });
    const compact = d.kubectl('get --raw /apis/discovery.k8s.io/v1').stdout();
    expect(d.kubectl('get --raw /apis/discovery.k8s.io/v1/').stdout()).toBe(compact);
    expect(d.kubectl('get --raw /apis/discovery.k8s.io/v1?pretty=true').stdout()).toBe(
      `{
  "kind": "APIResourceList",
  "apiVersion": "v1",
  "groupVersion": "discovery.k8s.io/v1",
  "resources": [
    {
      "name": "endpointslices",
      "singularName": "endpointslice",
      "namespaced": true,
      "kind": "EndpointSlice",
      "verbs": [
        "create",
        "delete",
        "deletecollection",
        "get",
        "list",
        "patch",
        "update",
        "watch"
      ],
      "storageVersionHash": "qgS0xkrxYAI="
    }
  ]
}`,
    );
  });

  it('a group/version the lists do not establish keeps the notice; an unserved one is a 404', () => {
    const d = kdrive({ seed: 1 }).kubectl('get --raw /apis/networking.k8s.io/v1');
    expect(d.stderr()).toBe(
      'error: "kubectl get --raw /apis/networking.k8s.io/v1" is not available in this playground: /apis/networking.k8s.io/v1 (the resource list) is not simulated.\n',
    );
    d.kubectl('get --raw /apis/apps/v2');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NOT_FOUND, 1]);
    d.kubectl('get --raw /api/v2');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NOT_FOUND, 1]);
  });

  it('lists exactly the resources discovery serves, and every kind the store holds', () => {
    for (const profile of PROFILES) {
      for (const gv of LISTED_GROUP_VERSIONS) {
        const listed = listedResources(profile, gv) ?? [];
        const tops = listed.filter((r) => !r.name.includes('/')).map((r) => r.name);
        // autoscaling/v1 serves the HorizontalPodAutoscaler discovery prefers in v2.
        const source = gv === 'autoscaling/v1' ? 'autoscaling/v2' : gv;
        const served = apiResourcesFor(profile)
          .filter((r) => (r.group ? `${r.group}/${r.version}` : r.version) === source)
          .map((r) => r.name)
          .sort();
        expect(tops, `${profile} ${gv}`).toEqual(served);
        // Every subresource hangs off a listed resource.
        for (const r of listed.filter((x) => x.name.includes('/')))
          expect(tops).toContain(r.name.split('/')[0]);
      }
    }
    // Every group/version discovery serves is listed, but for the ones left out on purpose.
    const leftOut = ['networking.k8s.io/v1', 'resource.k8s.io/v1', 'storage.k8s.io/v1'];
    const k3sOnly = [
      'helm.cattle.io/v1',
      'k3s.cattle.io/v1',
      'metrics.k8s.io/v1beta1',
      'traefik.io/v1alpha1',
    ];
    expect(apiVersionsFor('docker-desktop').filter((gv) => !LISTED_GROUP_VERSIONS.includes(gv))).toEqual(
      leftOut,
    );
    expect(apiVersionsFor('k3s').filter((gv) => !LISTED_GROUP_VERSIONS.includes(gv))).toEqual(
      [...leftOut, ...k3sOnly].sort(),
    );
    // Every kind the simulator stores is listed under its group/version, with its scope.
    for (const kind of KIND_NAMES) {
      const info = KINDS[kind];
      const gv = info.group ? `${info.group}/${info.version}` : info.version;
      if (!LISTED_GROUP_VERSIONS.includes(gv)) continue;
      const r = listedResources('docker-desktop', gv)?.find((x) => x.name === info.resource);
      expect(r, kind).toMatchObject({ kind, namespaced: info.namespaced });
    }
  });

  it("a stored kind's listed status subresource is one `get --raw` routes", () => {
    const d = kdrive({ seed: 1 }).kubectl('create deployment web --image=nginx').advance(30_000);
    const list = listedResources('docker-desktop', 'apps/v1') ?? [];
    expect(list.some((r) => r.name === 'deployments/status')).toBe(true);
    const body = d.kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/web/status').stdout();
    expect(JSON.parse(body)).toMatchObject({ kind: 'Deployment', metadata: { name: 'web' } });
    // pods/ephemeralcontainers is listed but not simulated: a notice, not a 404 (pods/log is
    // served now: raw-pod-log.test.ts).
    expect(listedResources('docker-desktop', 'v1')?.some((r) => r.name === 'pods/ephemeralcontainers')).toBe(
      true,
    );
    expect(d.kubectl('get --raw /api/v1/namespaces/default/pods/x/ephemeralcontainers').stderr()).toContain(
      'is not available in this playground',
    );
  });
});

/**
 * The hashes upstream pins for a 1.33+ kube-apiserver (kubernetes/kubernetes
 * pkg/controlplane/storageversionhashdata/data.go GVRToStorageVersionHash, only the listed
 * group/versions), plus the aggregator's and apiextensions' from a real `-v=8` discovery log.
 */
const PINNED: Record<string, string> = {
  'v1/configmaps': 'qFsyl6wFWjQ=',
  'v1/endpoints': 'fWeeMqaN/OA=',
  'v1/events': 'r2yiGXH7wu8=',
  'v1/limitranges': 'EBKMFVe6cwo=',
  'v1/namespaces': 'Q3oi5N2YM8M=',
  'v1/nodes': 'XwShjMxG9Fs=',
  'v1/persistentvolumeclaims': 'QWTyNDq0dC4=',
  'v1/persistentvolumes': 'HN/zwEC+JgM=',
  'v1/pods': 'xPOwRZ+Yhw8=',
  'v1/podtemplates': 'LIXB2x4IFpk=',
  'v1/replicationcontrollers': 'Jond2If31h0=',
  'v1/resourcequotas': '8uhSgffRX6w=',
  'v1/secrets': 'S6u1pOWzb84=',
  'v1/serviceaccounts': 'pbx9ZvyFpBE=',
  'v1/services': '0/CO1lhkEBI=',
  'autoscaling/v1/horizontalpodautoscalers': 'qwQve8ut294=',
  'autoscaling/v2/horizontalpodautoscalers': 'qwQve8ut294=',
  'batch/v1/jobs': 'mudhfqk/qZY=',
  'batch/v1/cronjobs': 'sd5LIXh4Fjs=',
  'certificates.k8s.io/v1/certificatesigningrequests': '95fRKMXA+00=',
  'coordination.k8s.io/v1/leases': 'gqkMMb/YqFM=',
  'discovery.k8s.io/v1/endpointslices': 'qgS0xkrxYAI=',
  'node.k8s.io/v1/runtimeclasses': 'WQTu1GL3T2Q=',
  'policy/v1/poddisruptionbudgets': 'EVWiDmWqyJw=',
  'rbac.authorization.k8s.io/v1/clusterrolebindings': '48tpQ8gZHFc=',
  'rbac.authorization.k8s.io/v1/clusterroles': 'bYE5ZWDrJ44=',
  'rbac.authorization.k8s.io/v1/rolebindings': 'eGsCzGH6b1g=',
  'rbac.authorization.k8s.io/v1/roles': '7FuwZcIIItM=',
  'scheduling.k8s.io/v1/priorityclasses': '1QwjyaZjj3Y=',
  'apps/v1/controllerrevisions': '85nkx63pcBU=',
  'apps/v1/daemonsets': 'dd7pWHUlMKQ=',
  'apps/v1/deployments': '8aSe+NMegvE=',
  'apps/v1/replicasets': 'P1RzHs8/mWQ=',
  'apps/v1/statefulsets': 'H+vl74LkKdo=',
  'admissionregistration.k8s.io/v1/mutatingwebhookconfigurations': 'Sqi0GUgDaX0=',
  'admissionregistration.k8s.io/v1/validatingwebhookconfigurations': 'B0wHjQmsGNk=',
  'admissionregistration.k8s.io/v1/validatingadmissionpolicies': '6OxvlMmQ6is=',
  'admissionregistration.k8s.io/v1/validatingadmissionpolicybindings': 'v9715VZqakg=',
  'events.k8s.io/v1/events': 'r2yiGXH7wu8=',
  'flowcontrol.apiserver.k8s.io/v1/flowschemas': 'GJVAJZSZBIw=',
  'flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations': 'Kir5PVfvNeI=',
  'apiregistration.k8s.io/v1/apiservices': 'InPBPD7+PqM=',
  'apiextensions.k8s.io/v1/customresourcedefinitions': 'jfWCUB31mvA=',
};
const NO_HASH = [
  'v1/bindings',
  'v1/componentstatuses',
  'authentication.k8s.io/v1/selfsubjectreviews',
  'authentication.k8s.io/v1/tokenreviews',
  'authorization.k8s.io/v1/localsubjectaccessreviews',
  'authorization.k8s.io/v1/selfsubjectaccessreviews',
  'authorization.k8s.io/v1/selfsubjectrulesreviews',
  'authorization.k8s.io/v1/subjectaccessreviews',
];

describe('storageVersionHash', () => {
  it('every listed resource carries the pinned hash, or none where upstream has none', () => {
    const seen: string[] = [];
    for (const gv of LISTED_GROUP_VERSIONS) {
      for (const r of listedResources('docker-desktop', gv) ?? []) {
        if (r.name.includes('/')) {
          expect(r.storageVersionHash, r.name).toBeUndefined();
          continue;
        }
        const key = `${gv}/${r.name}`;
        seen.push(key);
        if (NO_HASH.includes(key)) expect(r.storageVersionHash, key).toBeUndefined();
        else expect(r.storageVersionHash, key).toBe(PINNED[key]);
      }
    }
    expect(seen.sort()).toEqual([...Object.keys(PINNED), ...NO_HASH].sort());
  });

  it("is base64 of sha256('<group>/<version>/<kind>')'s first 8 bytes (real servers' values)", () => {
    // Values from kubernetes/kubernetes api/discovery/*.json (a running kube-apiserver's answers)
    // and pkg/controlplane/storageversionhashdata/data.go (the hashes upstream pins).
    expect(storageVersionHash('', 'v1', 'ConfigMap')).toBe('qFsyl6wFWjQ=');
    expect(storageVersionHash('', 'v1', 'Pod')).toBe('xPOwRZ+Yhw8=');
    expect(storageVersionHash('apps', 'v1', 'Deployment')).toBe('8aSe+NMegvE=');
    expect(storageVersionHash('discovery.k8s.io', 'v1', 'EndpointSlice')).toBe('qgS0xkrxYAI=');
    // An old dump's EndpointSlice was still stored as v1beta1: the hash follows the storage version.
    expect(storageVersionHash('discovery.k8s.io', 'v1beta1', 'EndpointSlice')).toBe('Nx3SIv6I0mE=');
    expect(storageVersionHash('policy', 'v1', 'PodDisruptionBudget')).toBe('EVWiDmWqyJw=');
  });
});

describe('kubectl get --raw: named health checks', () => {
  it('the generic server checks answer ok on the endpoints that register them', () => {
    const d = kdrive({ seed: 1 });
    for (const p of [
      '/livez/etcd',
      '/healthz/etcd',
      '/readyz/etcd-readiness',
      '/readyz/informer-sync',
      '/readyz/shutdown',
    ]) {
      d.kubectl(`get --raw ${p}`);
      expect([d.stdout(), d.stderr(), d.exitCode()], p).toEqual(['ok', '', 0]);
    }
    // informer-sync is a readyz check only; post-start hooks are not established.
    for (const p of ['/livez/informer-sync', '/livez/poststarthook/generic-apiserver-start-informers']) {
      expect(d.kubectl(`get --raw ${p}`).stderr(), p).toContain('is not available in this playground');
    }
  });
});

describe('kubectl get --raw …/scale', () => {
  it('is the autoscaling/v1 Scale built from the workload (five metadata fields, selector string)', () => {
    const d = kdrive({ seed: 1 }).kubectl('create deployment web --image=nginx').advance(30_000);
    const dep = JSON.parse(d.kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/web').stdout());
    const m = dep.metadata;
    d.kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/web/scale');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      `{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web","namespace":"default","uid":"${m.uid}","resourceVersion":"${m.resourceVersion}","creationTimestamp":"${m.creationTimestamp}"},"spec":{"replicas":1},"status":{"replicas":1,"selector":"app=web"}}\n`,
      '',
      0,
    ]);
    // replicas 0 is omitempty in ScaleSpec, not in ScaleStatus; the ReplicaSet's selector is sorted.
    d.kubectl('scale deployment web --replicas=0').advance(60_000);
    const scale = d.kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/web/scale').stdout();
    expect(scale).toContain('"spec":{},"status":{"replicas":0,"selector":"app=web"}}\n');
    const rs = JSON.parse(d.kubectl('get --raw /apis/apps/v1/namespaces/default/replicasets').stdout())
      .items[0];
    const rsScale = JSON.parse(
      d
        .kubectl(
          `get --raw /apis/apps/v1/namespaces/default/replicasets/${rs.metadata.name}/scale?pretty=true`,
        )
        .stdout(),
    );
    expect(rsScale.status.selector).toBe(
      `app=web,pod-template-hash=${rs.metadata.labels['pod-template-hash']}`,
    );
    // A missing workload is the store's NotFound; other kinds have no scale route.
    d.kubectl('get --raw /apis/apps/v1/namespaces/default/deployments/nope/scale');
    expect(d.stderr()).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    d.kubectl('get --raw /apis/apps/v1/namespaces/default/daemonsets/x/scale');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NOT_FOUND, 1]);
  });

  it('selector requirements are sorted by key, In values sorted', () => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'x',
        namespace: 'default',
        uid: 'u',
        resourceVersion: '7',
        creationTimestamp: '2026-01-01T00:00:00Z',
      },
      spec: {
        replicas: 2,
        selector: {
          matchLabels: { tier: 'a', app: 'x' },
          matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
        },
      },
      status: { replicas: 2 },
    } as unknown as K8sObject;
    expect(scaleJson(obj)).toBe(
      '{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"x","namespace":"default","uid":"u","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z"},"spec":{"replicas":2},"status":{"replicas":2,"selector":"app=x,env in (dev,prod),tier=a"}}',
    );
  });
});

describe('kubectl get --raw: the other root paths', () => {
  it('paths a real server serves get a notice; paths no server serves are 404s', () => {
    const d = kdrive({ seed: 1 });
    for (const p of [
      '/',
      '/metrics',
      '/openapi/v2',
      '/openid/v1/jwks',
      '/.well-known/openid-configuration',
      '/logs',
    ]) {
      d.kubectl(`get --raw ${p}`);
      expect(d.stderr(), p).toContain('is not available in this playground');
      expect(d.exitCode(), p).toBe(1);
    }
    for (const p of ['/nope', '/apis/nope.example.com', '/api/v1/nopes']) {
      d.kubectl(`get --raw ${p}`);
      expect([d.stdout(), d.stderr(), d.exitCode()], p).toEqual(['', NOT_FOUND, 1]);
    }
  });
});
