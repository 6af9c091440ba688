// ValidateVolumes, ValidateVolumeMounts and ValidateEnvFrom word for word
// (pkg/apis/core/validation/validation.go), as kubectl prints the 422: each case applied as a Pod
// and as the same spec in a Deployment's pod template.
import { describe, expect, it } from 'vitest';
import { DNS1123_LABEL_MSG, DNS1123_SUBDOMAIN_MSG } from './validation';
import { applied, itRefusesAsPodAndTemplate, podYaml, type RefusalCase } from './validation-pod-testing';
import { pushVolumeErrors } from './validation-pod-volumes';

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';

// [name, spec lines, container lines, causes with paths relative to the pod spec]
const CASES: RefusalCase[] = [
  [
    'two sources in one volume',
    '  volumes:\n  - name: data\n    emptyDir: {}\n    hostPath: {path: /tmp}\n',
    '',
    ['volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
  ],
  [
    'a name that is not a DNS-1123 label, and a repeated name',
    '  volumes:\n  - {name: Data, emptyDir: {}}\n  - {name: a, emptyDir: {}}\n  - {name: a, emptyDir: {}}\n',
    '',
    [`volumes[0].name: Invalid value: "Data": ${DNS1123_LABEL_MSG}`, 'volumes[2].name: Duplicate value: "a"'],
  ],
  [
    'a hostPath without a path',
    '  volumes:\n  - {name: h, hostPath: {type: Directory}}\n',
    '',
    ['volumes[0].hostPath.path: Required value'],
  ],
  [
    "a hostPath with '..' and an unknown type",
    '  volumes:\n  - {name: h, hostPath: {path: /a/../b, type: Folder}}\n',
    '',
    [
      `volumes[0].hostPath.path: Invalid value: "/a/../b": must not contain '..'`,
      'volumes[0].hostPath.type: Unsupported value: "Folder": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
    ],
  ],
  [
    'a configMap without a name, a bad mode and bad items',
    '  volumes:\n  - name: cfg\n    configMap:\n      defaultMode: 1000\n      items:\n      - {key: "", path: /etc/x}\n      - {key: a, path: ..x, mode: -1}\n',
    '',
    [
      'volumes[0].configMap.name: Required value',
      `volumes[0].configMap.defaultMode: Invalid value: 1000: ${FILE_MODE}`,
      'volumes[0].configMap.items[0].key: Required value',
      'volumes[0].configMap.items[0].path: Invalid value: "/etc/x": must be a relative path',
      `volumes[0].configMap.items[1].path: Invalid value: "..x": must not start with '..'`,
      `volumes[0].configMap.items[1].mode: Invalid value: -1: ${FILE_MODE}`,
    ],
  ],
  [
    'a secret without a secretName, an item without a path',
    '  volumes:\n  - name: s\n    secret:\n      items: [{key: k}]\n',
    '',
    ['volumes[0].secret.secretName: Required value', 'volumes[0].secret.items[0].path: Required value'],
  ],
  [
    'a persistentVolumeClaim without a claimName',
    '  volumes:\n  - {name: pvc, persistentVolumeClaim: {readOnly: true}}\n',
    '',
    ['volumes[0].persistentVolumeClaim.claimName: Required value'],
  ],
  [
    'a negative emptyDir sizeLimit',
    '  volumes:\n  - {name: e, emptyDir: {sizeLimit: -1Gi}}\n',
    '',
    ['volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity'],
  ],
  [
    'an nfs volume without a server and with a relative path',
    '  volumes:\n  - {name: nf, nfs: {server: "", path: exports}}\n',
    '',
    [
      'volumes[0].nfs.server: Required value',
      'volumes[0].nfs.path: Invalid value: "exports": must be an absolute path',
    ],
  ],
  [
    'a downwardAPI item with neither fieldRef nor resourceFieldRef (reported without its index)',
    '  volumes:\n  - name: d\n    downwardAPI:\n      items: [{path: ""}]\n',
    '',
    [
      'volumes[0].downwardAPI.path: Required value',
      'volumes[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required',
    ],
  ],
  [
    'a projected source with two kinds and a path twice',
    '  volumes:\n  - name: pr\n    projected:\n      sources:\n      - secret: {name: s, items: [{key: k, path: p}]}\n        configMap: {name: a, items: [{key: k, path: p}]}\n',
    '',
    [
      'volumes[0].projected: Invalid value: "a": conflicting duplicate paths',
      'volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source',
    ],
  ],
  [
    'a projected token of one minute',
    '  volumes:\n  - name: pr\n    projected:\n      sources:\n      - serviceAccountToken: {path: token, expirationSeconds: 60}\n',
    '',
    [
      'volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    ],
  ],
  [
    'a mount of no volume, a repeated mountPath, an absolute subPath (reported without its index)',
    '  volumes:\n  - {name: data, emptyDir: {}}\n',
    '    volumeMounts:\n    - {name: nope, mountPath: /data}\n    - {name: data, mountPath: /data, subPath: /abs}\n',
    [
      'containers[0].volumeMounts[0].name: Not found: "nope"',
      'containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
      'containers[0].volumeMounts.subPath: Invalid value: "/abs": must be a relative path',
    ],
  ],
  [
    'a null mount (the zero VolumeMount)',
    '',
    '    volumeMounts: [null]\n',
    [
      'containers[0].volumeMounts[0].name: Required value',
      'containers[0].volumeMounts[0].name: Not found: ""',
      'containers[0].volumeMounts[0].mountPath: Required value',
    ],
  ],
  [
    'a mount of a volume that failed validation is not found',
    '  volumes:\n  - {name: data, hostPath: {}}\n',
    '    volumeMounts: [{name: data, mountPath: /data}]\n',
    ['volumes[0].hostPath.path: Required value', 'containers[0].volumeMounts[0].name: Not found: "data"'],
  ],
  [
    'subPath and subPathExpr together',
    '  volumes:\n  - {name: data, emptyDir: {}}\n',
    '    volumeMounts: [{name: data, mountPath: /d, subPath: a, subPathExpr: ../$(POD)}]\n',
    [
      'containers[0].volumeMounts[0].subPathExpr: Invalid value: "../$(POD)": subPathExpr and subPath are mutually exclusive',
      `containers[0].volumeMounts.subPathExpr: Invalid value: "../$(POD)": must not contain '..'`,
    ],
  ],
  [
    'Bidirectional propagation in a container that is not privileged, and an unknown one',
    '  volumes:\n  - {name: data, emptyDir: {}}\n',
    '    volumeMounts:\n    - {name: data, mountPath: /a, mountPropagation: Bidirectional}\n    - {name: data, mountPath: /b, mountPropagation: Shared}\n',
    [
      'containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers',
      'containers[0].volumeMounts.mountPropagation: Unsupported value: "Shared": supported values: "Bidirectional", "HostToContainer", "None"',
    ],
  ],
  [
    'recursiveReadOnly without readOnly',
    '  volumes:\n  - {name: data, emptyDir: {}}\n',
    '    volumeMounts: [{name: data, mountPath: /a, recursiveReadOnly: Enabled}]\n',
    ['containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true'],
  ],
  [
    'envFrom: a prefix with "=", a ConfigMap name that is not a subdomain, an entry with no source',
    '',
    '    envFrom:\n    - {prefix: "A=", configMapRef: {name: Cfg}}\n    - {prefix: X_}\n',
    [
      `containers[0].envFrom[0].prefix: Invalid value: "A=": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      `containers[0].envFrom[0].configMapRef.name: Invalid value: "Cfg": ${DNS1123_SUBDOMAIN_MSG}`,
      'containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
    ],
  ],
  [
    'envFrom: both sources in one entry, a Secret without a name',
    '',
    '    envFrom:\n    - {configMapRef: {name: a}, secretRef: {name: ""}}\n',
    [
      'containers[0].envFrom[0].secretRef.name: Required value',
      'containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time',
    ],
  ],
];

describe('volumes, volume mounts and envFrom through kubectl apply', () => {
  itRefusesAsPodAndTemplate(CASES);

  it('valid volumes, mounts and envFrom are accepted: a ConfigMap name may end in a dash (maskTrailingDash)', () => {
    const d = applied(
      podYaml(
        '  volumes:\n  - {name: data, emptyDir: {sizeLimit: 1Gi}}\n  - name: cfg\n    configMap: {name: app-config, optional: true, items: [{key: a, path: conf/a.txt}]}\n  - {name: host, hostPath: {path: /var/log, type: DirectoryOrCreate}}\n',
        '    envFrom: [{prefix: 1_weird.prefix-, configMapRef: {name: cfg-, optional: true}}]\n    volumeMounts:\n    - {name: data, mountPath: /data, subPath: a/b}\n    - {name: cfg, mountPath: /cfg, readOnly: true, recursiveReadOnly: IfPossible}\n    - {name: host, mountPath: /host, mountPropagation: HostToContainer}\n',
      ),
    );
    expect(d.stdout()).toBe('pod/p created\n');
  });
});

describe('ValidateVolumes directly', () => {
  it('a volume with no source at all (SetDefaults_Volume makes it an emptyDir before validation)', () => {
    const out: { field: string; message: string }[] = [];
    expect(pushVolumeErrors(out, [{ name: 'x' }, { name: 'y', emptyDir: {} }], 'spec.volumes')).toEqual([
      'y',
    ]);
    expect(out).toEqual([
      { field: 'spec.volumes[0]', message: 'Required value: must specify a volume type' },
    ]);
  });
});
