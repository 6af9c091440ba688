// The security contexts, affinity, tolerations, host aliases, topology spread constraints, gates,
// node selector and init containers of a pod spec, validated word for word as ValidatePodSpec
// validates them (pkg/apis/core/validation/validation.go) and in its order, as kubectl prints
// the 422: each case applied as a Pod and as a Deployment's pod template.
import { describe, expect, it } from 'vitest';
import { DNS1123_SUBDOMAIN_MSG } from './validation';
import {
  applied,
  applyErr,
  deployYaml,
  invalidText,
  itRefusesAsPodAndTemplate,
  podYaml,
  type RefusalCase,
} from './validation-pod-testing';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const ID_RANGE = 'must be between 0 and 2147483647, inclusive';
const TERM = 'affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';

// [name, spec lines, container lines, causes with paths relative to the pod spec]
const CASES: RefusalCase[] = [
  [
    'the zero toleration (a null item)',
    '  tolerations: [null]\n',
    '',
    [
      'tolerations[0].operator: Invalid value: "": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
  ],
  [
    'tolerations: a bad key, a value with Exists, seconds without NoExecute, unknown operator and effect',
    '  tolerations:\n  - {key: "bad key", operator: Exists, value: x}\n  - {key: k, operator: Equal, value: "a b", tolerationSeconds: 5, effect: NoSchedule}\n  - {key: k, operator: In, effect: Never}\n',
    '',
    [
      `tolerations[0].key: Invalid value: "bad key": ${NAME_PART}`,
      'tolerations[0].operator: Invalid value: "x": value must be empty when `operator` is \'Exists\'',
      'tolerations[1].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      `tolerations[1].operator: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      'tolerations[2].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
      'tolerations[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
  ],
  [
    'a host alias with a bad IP and a bad hostname',
    '  hostAliases: [{ip: 10.0.0.256, hostnames: [db.local, DB.local]}]\n',
    '',
    [
      'hostAliases[0].ip: Invalid value: "10.0.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      `hostAliases[0].hostnames[1]: Invalid value: "DB.local": ${DNS1123_SUBDOMAIN_MSG}`,
    ],
  ],
  [
    'a host alias without an IP',
    '  hostAliases: [{hostnames: [db]}]\n',
    '',
    ['hostAliases[0].ip: Invalid value: "": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
  ],
  [
    'a pod security context: fsGroup out of range, a negative runAsUser and group',
    '  securityContext: {runAsUser: -1, fsGroup: 3000000000, supplementalGroups: [1, -2]}\n',
    '',
    [
      `securityContext.fsGroup: Invalid value: 3000000000: ${ID_RANGE}`,
      `securityContext.runAsUser: Invalid value: -1: ${ID_RANGE}`,
      `securityContext.supplementalGroups[1]: Invalid value: -2: ${ID_RANGE}`,
    ],
  ],
  [
    'shareProcessNamespace with hostPID',
    '  shareProcessNamespace: true\n  hostPID: true\n',
    '',
    [
      'securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
    ],
  ],
  [
    'a container security context: a negative group, an unknown seccomp type, AppArmor Localhost without a profile',
    '',
    '    securityContext:\n      runAsGroup: -5\n      seccompProfile: {type: Default}\n      appArmorProfile: {type: Localhost}\n',
    [
      `containers[0].securityContext.runAsGroup: Invalid value: -5: ${ID_RANGE}`,
      'containers[0].securityContext.seccompProfile.type: Unsupported value: "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
      'containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
    ],
  ],
  [
    'a pod seccomp profile without a type, sysctls with a bad and a repeated name',
    '  securityContext:\n    seccompProfile: {}\n    sysctls: [{name: net.core.somaxconn, value: "1024"}, {name: net.core.somaxconn, value: "1"}, {name: "Kernel.X", value: "1"}]\n',
    '',
    [
      'securityContext.sysctls[1].name: Duplicate value: "net.core.somaxconn"',
      'securityContext.sysctls[2].name: Invalid value: "Kernel.X": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$',
      'securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set',
    ],
  ],
  [
    'a pod anti-affinity term without a topologyKey and with a bad selector operator',
    '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchExpressions: [{key: app, operator: Equals, values: [web]}]\n',
    '',
    [
      `${TERM}.labelSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`,
      `${TERM}.topologyKey: Required value: can not be empty`,
      `${TERM}.topologyKey: Invalid value: "": name part must be non-empty`,
      `${TERM}.topologyKey: Invalid value: "": ${NAME_PART}`,
    ],
  ],
  [
    'a weighted pod affinity term of weight 0, a bad namespace and label value',
    '  affinity:\n    podAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 0\n        podAffinityTerm:\n          topologyKey: kubernetes.io/hostname\n          namespaces: [Prod]\n          labelSelector: {matchLabels: {app: "we b"}}\n',
    '',
    [
      'affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      `affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels: Invalid value: "we b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespace: Invalid value: "Prod": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
  ],
  [
    'node affinity: no terms; a Gt with two values; a field that is not metadata.name',
    '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 101\n        preference:\n          matchExpressions: [{key: cpus, operator: Gt, values: ["1", "2"]}]\n          matchFields: [{key: metadata.uid, operator: In, values: [x]}]\n',
    '',
    [
      'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
      'affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100',
      "affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
      'affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key',
    ],
  ],
  [
    'topology spread: zero skew, no key, an unknown action; a repeated pair; minDomains 0',
    '  topologySpreadConstraints:\n  - {maxSkew: 0, whenUnsatisfiable: Sometimes}\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 0}\n',
    '',
    [
      'topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'topologySpreadConstraints[0].topologyKey: Required value: can not be empty',
      'topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"',
      'topologySpreadConstraints[1].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
      'topologySpreadConstraints[2].minDomains: Invalid value: 0: must be greater than zero',
    ],
  ],
  [
    'topology spread: minDomains with ScheduleAnyway, an unknown node policy, a bad selector',
    '  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: ScheduleAnyway\n    minDomains: 2\n    nodeTaintsPolicy: Always\n    labelSelector: {matchExpressions: [{key: app, operator: In}]}\n',
    '',
    [
      'topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
      'topologySpreadConstraints[0].nodeTaintsPolicy: Unsupported value: "Always": supported values: "Honor", "Ignore"',
      "topologySpreadConstraints[0].labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ],
  ],
  [
    'a readiness gate and scheduling gates that are not qualified names, a repeated gate',
    '  readinessGates: [{conditionType: a/b/c}]\n  schedulingGates: [{name: example.com/wait}, {name: example.com/wait}]\n',
    '',
    [
      "readinessGates[0].conditionType: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      'schedulingGates[1]: Duplicate value: "example.com/wait"',
    ],
  ],
  [
    'a node selector key that is not a label key',
    '  nodeSelector: {"disk type": ssd}\n',
    '',
    [`nodeSelector: Invalid value: "disk type": ${NAME_PART}`],
  ],
  [
    'init containers: a name used by a container, probes without restartPolicy Always, an unknown restartPolicy',
    '  initContainers:\n  - {name: c, image: busybox, readinessProbe: {exec: {command: [ls]}}}\n  - {name: i, image: "", restartPolicy: OnFailure, volumeMounts: [{name: nope, mountPath: /x}]}\n',
    '',
    [
      'initContainers[0].name: Duplicate value: "c"',
      'initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'initContainers[1].image: Required value',
      'initContainers[1].volumeMounts[0].name: Not found: "nope"',
      'initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ],
  ],
  [
    'lifecycle hooks: an empty exec with a second handler, a hook with none',
    '',
    '    lifecycle:\n      postStart: {exec: {command: []}, sleep: {seconds: 1}}\n      preStop: {}\n',
    [
      'containers[0].lifecycle.postStart.exec.command: Required value',
      'containers[0].lifecycle.postStart.sleep: Forbidden: may not specify more than 1 handler type',
      'containers[0].lifecycle.preStop: Required value: must specify a handler type',
    ],
  ],
  [
    'lifecycle hooks: port 0 and an unknown scheme, a sleep longer than the grace period',
    '',
    '    lifecycle:\n      postStart: {httpGet: {port: 0, scheme: ftp}}\n      preStop: {sleep: {seconds: 40}}\n',
    [
      'containers[0].lifecycle.postStart.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'containers[0].lifecycle.postStart.httpGet.scheme: Unsupported value: "ftp": supported values: "HTTP", "HTTPS"',
      'containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be non-negative and less than terminationGracePeriodSeconds (30)',
    ],
  ],
  [
    "a container's restartPolicy, and causes in ValidatePodSpec's order",
    '  tolerations: [{operator: Equal}]\n  securityContext: {runAsUser: -1}\n  volumes: [{name: v, hostPath: {}}]\n',
    '    restartPolicy: Always\n    imagePullPolicy: Sometimes\n',
    [
      'volumes[0].hostPath.path: Required value',
      'containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      'containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
      `securityContext.runAsUser: Invalid value: -1: ${ID_RANGE}`,
      'tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
  ],
];

// The spec's tail: a Pod's own and a template's causes differ (a template may not set
// activeDeadlineSeconds; a Pod's hostPort with hostNetwork must be its containerPort even when
// defaulted), so each side is spelled out.
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("ValidatePodSpec's tail and the template's own checks", () => {
  const spec =
    '  nodeName: Node_1\n  activeDeadlineSeconds: 0\n  hostname: Web.1\n  subdomain: x_y\n  priorityClassName: High\n  preemptionPolicy: Always\n  os: {name: darwin}\n';
  const causes = (p: string) => [
    `${p}.nodeName: Invalid value: "Node_1": ${DNS1123_SUBDOMAIN_MSG}`,
    `${p}.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive`,
    `${p}.hostname: Invalid value: "Web.1": ${LABEL_MSG}`,
    `${p}.subdomain: Invalid value: "x_y": ${LABEL_MSG}`,
    `${p}.priorityClassName: Invalid value: "High": ${DNS1123_SUBDOMAIN_MSG}`,
    `${p}.preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"`,
    `${p}.os: Unsupported value: "darwin": supported values: "linux", "windows"`,
  ];

  it('a Pod: node name, deadline, hostname, subdomain, priority class, preemption policy, os', () => {
    expect(applyErr(podYaml(spec))).toBe(invalidText('Pod', causes('spec')));
  });

  it('a Deployment: the same, then activeDeadlineSeconds in ReplicaSet is not Supported', () => {
    expect(applyErr(deployYaml(spec))).toBe(
      invalidText('Deployment', [
        ...causes('spec.template.spec'),
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ]),
    );
  });

  it('a Pod only (validateContainersOnlyForPod, ValidatePodCreate): a padded image, ephemeral containers, nodeName with gates', () => {
    const spec =
      '  nodeName: kind-control-plane\n  schedulingGates: [{name: example.com/wait}]\n  ephemeralContainers: [{name: debug, image: busybox}]\n  initContainers: [{name: i, image: " busybox"}]\n';
    expect(applyErr(podYaml(spec))).toBe(
      invalidText('Pod', [
        'spec.initContainers[0].image: Invalid value: " busybox": must not have leading or trailing whitespace',
        'spec.ephemeralContainers: Forbidden: cannot be set on create',
        'spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared',
      ]),
    );
    // A template keeps a padded image (the Pods made from it are refused).
    const d = applied(deployYaml('  initContainers: [{name: i, image: " busybox"}]\n'));
    expect(d.stdout()).toBe('deployment.apps/p created\n');
  });

  it('a template may hold no ephemeral containers (ValidatePodTemplateSpec): a Deployment, a Job', () => {
    const eph = '  ephemeralContainers: [{name: debug, image: busybox}]\n';
    expect(applyErr(deployYaml(eph))).toBe(
      invalidText('Deployment', [
        'spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
      ]),
    );
    const job = `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: p\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n${eph.replace('  ', '      ')}      containers: [{name: c, image: busybox}]\n`;
    expect(applyErr(job)).toBe(
      invalidText('Job', [
        'spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
      ]),
    );
  });

  it('hostNetwork: a hostPort that is not the containerPort; a Pod also defaults an absent one', () => {
    const ctr = '    ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81}]\n';
    const cause = (p: string) =>
      `${p}.containers[0].ports[0].hostPort: Invalid value: 8080: must match \`containerPort\` when \`hostNetwork\` is true`;
    expect(applyErr(podYaml('  hostNetwork: true\n', ctr))).toBe(invalidText('Pod', [cause('spec')]));
    expect(applyErr(deployYaml('  hostNetwork: true\n', ctr))).toBe(
      invalidText('Deployment', [cause('spec.template.spec')]),
    );
    expect(applyErr(podYaml('  os: {}\n'))).toBe(
      invalidText('Pod', ['spec.os.name: Required value: cannot be empty']),
    );
  });
});

describe('pod spec field validation through kubectl apply', () => {
  itRefusesAsPodAndTemplate(CASES);

  it('valid fields are accepted, and the Deployment makes its Pods', () => {
    const d = applied(
      deployYaml(
        [
          '  securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}}',
          '  tolerations: [{operator: Exists}, {key: example.com/gpu, operator: Equal, value: "true", effect: NoExecute, tolerationSeconds: 30}]',
          '  hostAliases: [{ip: 10.0.0.9, hostnames: [db.local, db]}]',
          '  affinity:',
          '    podAntiAffinity:',
          '      preferredDuringSchedulingIgnoredDuringExecution:',
          '      - weight: 100',
          '        podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: p}}}',
          '  topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: p}}}]',
          '',
        ].join('\n'),
        '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsNonRoot: true}\n',
      ),
    );
    expect(d.stdout()).toBe('deployment.apps/p created\n');
    d.advance(20_000);
    expect(d.cluster.list('Pod', { namespace: 'default' }).length).toBe(1);
  });
});
