// A pod spec's fields decoded strictly as their core/v1 Go types: a wrong JSON type is refused with
// encoding/json's text (named string types named), an unknown field with the strict decoder's, and
// a resource.Quantity that does not parse with ParseQuantity's error, which its UnmarshalJSON
// returns at once (so it stops the decoding and wins over a type error met before it).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { applied, deployYaml, podYaml } from './validation-pod-testing';

const POD =
  'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: ';
const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

// [name, spec lines, container lines, message after the prefix]
const CASES: [string, string, string, string][] = [
  [
    'a volume source of the wrong type',
    '  volumes:\n  - {name: s, secret: my-secret}\n',
    '',
    'json: cannot unmarshal string into Go struct field Volume.spec.volumes.secret of type v1.SecretVolumeSource',
  ],
  [
    'a string defaultMode',
    '  volumes:\n  - {name: s, secret: {secretName: s, defaultMode: "0644"}}\n',
    '',
    'json: cannot unmarshal string into Go struct field SecretVolumeSource.spec.volumes.secret.defaultMode of type int32',
  ],
  [
    'a number for a hostPath type (a named string type)',
    '  volumes:\n  - {name: h, hostPath: {path: /x, type: 1}}\n',
    '',
    'json: cannot unmarshal number into Go struct field HostPathVolumeSource.spec.volumes.hostPath.type of type v1.HostPathType',
  ],
  [
    'an unknown field in a configMap volume',
    '  volumes:\n  - {name: c, configMap: {nam: cfg}}\n',
    '',
    'strict decoding error: unknown field "spec.volumes[0].configMap.nam"',
  ],
  [
    'an unknown volume source',
    '  volumes:\n  - {name: c, emptydir: {}}\n',
    '',
    'strict decoding error: unknown field "spec.volumes[0].emptydir"',
  ],
  [
    'a projected source that is not an object',
    '  volumes:\n  - {name: p, projected: {sources: [token]}}\n',
    '',
    'json: cannot unmarshal string into Go struct field ProjectedVolumeSource.spec.volumes.projected.sources of type v1.VolumeProjection',
  ],
  [
    'a sizeLimit whose suffix letters are no suffix (1ki)',
    '  volumes:\n  - {name: e, emptyDir: {sizeLimit: 1ki}}\n',
    '',
    "unable to parse quantity's suffix",
  ],
  [
    'a sizeLimit that is not a quantity',
    '  volumes:\n  - {name: e, emptyDir: {sizeLimit: lots}}\n',
    '',
    FORMAT,
  ],
  ['a sizeLimit that is a bool', '  volumes:\n  - {name: e, emptyDir: {sizeLimit: true}}\n', '', FORMAT],
  [
    'envFrom as a map',
    '',
    '    envFrom: {configMapRef: {name: cfg}}\n',
    'json: cannot unmarshal object into Go struct field Container.spec.containers.envFrom of type []v1.EnvFromSource',
  ],
  [
    'a configMapRef that is a string',
    '',
    '    envFrom: [{configMapRef: cfg}]\n',
    'json: cannot unmarshal string into Go struct field EnvFromSource.spec.containers.envFrom.configMapRef of type v1.ConfigMapEnvSource',
  ],
  [
    'an env valueFrom key that is a number',
    '',
    '    env: [{name: A, valueFrom: {configMapKeyRef: {name: cfg, key: 1}}}]\n',
    'json: cannot unmarshal number into Go struct field ConfigMapKeySelector.spec.containers.env.valueFrom.configMapKeyRef.key of type string',
  ],
  [
    'a pod runAsUser that is a string',
    '  securityContext: {runAsUser: "1000"}\n',
    '',
    'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.runAsUser of type int64',
  ],
  [
    'capabilities.add that is a string',
    '',
    '    securityContext: {capabilities: {add: NET_ADMIN}}\n',
    'json: cannot unmarshal string into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type []v1.Capability',
  ],
  [
    'a container securityContext that is a bool',
    '',
    '    securityContext: true\n',
    'json: cannot unmarshal bool into Go struct field Container.spec.containers.securityContext of type v1.SecurityContext',
  ],
  [
    'hostnames that is a string',
    '  hostAliases: [{ip: 10.0.0.1, hostnames: db.local}]\n',
    '',
    'json: cannot unmarshal string into Go struct field HostAlias.spec.hostAliases.hostnames of type []string',
  ],
  [
    'pod anti-affinity terms that are an object',
    '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: {topologyKey: zone}\n',
    '',
    'json: cannot unmarshal object into Go struct field PodAntiAffinity.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution of type []v1.PodAffinityTerm',
  ],
  [
    'a pod affinity labelSelector that is a string',
    '  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: app=web}]\n',
    '',
    'json: cannot unmarshal string into Go struct field PodAffinityTerm.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution.labelSelector of type v1.LabelSelector',
  ],
  [
    'requiredDuringSchedulingRequiredDuringExecution (commented out of the Go type)',
    '  affinity:\n    podAffinity:\n      requiredDuringSchedulingRequiredDuringExecution: []\n',
    '',
    'strict decoding error: unknown field "spec.affinity.podAffinity.requiredDuringSchedulingRequiredDuringExecution"',
  ],
  [
    'a string maxSkew',
    '  topologySpreadConstraints: [{maxSkew: "1", topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]\n',
    '',
    'json: cannot unmarshal string into Go struct field TopologySpreadConstraint.spec.topologySpreadConstraints.maxSkew of type int32',
  ],
  [
    'an image pull secret that is a string',
    '  imagePullSecrets: [regcred]\n',
    '',
    'json: cannot unmarshal string into Go struct field PodSpec.spec.imagePullSecrets of type v1.LocalObjectReference',
  ],
  [
    'a readiness gate condition type that is a number',
    '  readinessGates: [{conditionType: 1}]\n',
    '',
    'json: cannot unmarshal number into Go struct field PodReadinessGate.spec.readinessGates.conditionType of type v1.PodConditionType',
  ],
  [
    'a toleration operator that is a number',
    '  tolerations: [{key: k, operator: 1}]\n',
    '',
    'json: cannot unmarshal number into Go struct field Toleration.spec.tolerations.operator of type v1.TolerationOperator',
  ],
  ['a CPU limit of "1 core"', '', '    resources: {limits: {cpu: 1 core}}\n', FORMAT],
  [
    'resource claims that are strings',
    '',
    '    resources: {claims: [gpu]}\n',
    'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.claims of type v1.ResourceClaim',
  ],
  [
    'requests that are a list',
    '',
    '    resources: {requests: [cpu]}\n',
    'json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.requests of type v1.ResourceList',
  ],
  [
    'a lifecycle sleep of "5s"',
    '',
    '    lifecycle: {preStop: {sleep: {seconds: 5s}}}\n',
    'json: cannot unmarshal string into Go struct field SleepAction.spec.containers.lifecycle.preStop.sleep.seconds of type int64',
  ],
  [
    'a pull policy that is a bool (a named string type)',
    '',
    '    imagePullPolicy: true\n',
    'json: cannot unmarshal bool into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy',
  ],
];

describe('strict decoding of a pod spec through kubectl apply', () => {
  it.each(CASES)('a Pod: %s', (_name, spec, ctr, msg) => {
    const d = applied(podYaml(spec, ctr));
    expect(d.stderr()).toBe(`${POD}${msg}\n`);
    expect(d.exitCode()).toBe(1);
    expect(d.get('Pod', 'p')).toBeUndefined();
  });

  it('a Deployment template: the same refusals with the template path', () => {
    const d = applied(
      deployYaml('  volumes:\n  - {name: s, secret: {secretName: s, defaultMode: "0644"}}\n'),
    );
    expect(d.stderr()).toBe(
      'Error from server (BadRequest): error when creating "p.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field SecretVolumeSource.spec.template.spec.volumes.secret.defaultMode of type int32\n',
    );
  });

  it("a quantity's error wins over a type error met before it, and stops the decoding (no unknown fields)", () => {
    const d = applied(
      podYaml(
        '  hostAliases: [{ip: 1}]\n  volumes:\n  - {name: e, emptyDir: {sizeLimit: 1ki, sizeLimitt: 1}}\n',
        '    imagee: x\n',
      ),
    );
    expect(d.stderr()).toBe(`${POD}unable to parse quantity's suffix\n`);
  });

  it('quantities ParseQuantity takes are accepted as written; a null limit is the zero quantity', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const c = d.cluster;
    const r = c.apply([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'q' },
        spec: {
          volumes: [{ name: 'e', emptyDir: { sizeLimit: ' 1.5Gi ' } }],
          containers: [
            {
              name: 'c',
              image: 'nginx',
              resources: {
                limits: { cpu: 0.5, memory: '128e6', 'example.com/gpu': null },
                requests: { cpu: '.' },
              },
            },
          ],
        },
      },
    ]);
    expect(r[0]?.result.ok).toBe(true);
    const pod = c.get('Pod', 'default', 'q');
    expect(pod?.spec.containers[0]?.resources?.limits).toEqual({
      cpu: 0.5,
      memory: '128e6',
      'example.com/gpu': '0',
    });
  });
});
