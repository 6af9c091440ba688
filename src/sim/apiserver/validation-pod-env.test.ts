// ValidateEnv and the downward API selectors word for word (pkg/apis/core/validation/validation.go,
// pkg/apis/core/pods/helpers.go ConvertDownwardAPIFieldLabel), as kubectl prints the 422: each
// case applied as a Pod and as a Deployment's pod template.
import { describe, expect, it } from 'vitest';
import { DNS1123_SUBDOMAIN_MSG } from './validation';
import { applied, itRefusesAsPodAndTemplate, podYaml, type RefusalCase } from './validation-pod-testing';

const RELAXED =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";
const ENV_PATHS =
  '"metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"';
const CONFIG_KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const E = 'containers[0].env[0]';

// [name, spec lines, container lines, causes with paths relative to the pod spec]
const CASES: RefusalCase[] = [
  [
    'a name with "=", a variable without a name',
    '',
    '    env:\n    - {name: "A=B", value: x}\n    - {value: z}\n',
    [`${E}.name: Invalid value: "A=B": ${RELAXED}`, 'containers[0].env[1].name: Required value'],
  ],
  [
    'an empty valueFrom',
    '',
    '    env: [{name: A, valueFrom: {}}]\n',
    [
      `${E}.valueFrom: Invalid value: "": must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``,
    ],
  ],
  [
    'a valueFrom with a value',
    '',
    '    env: [{name: A, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]\n',
    [`${E}.valueFrom: Invalid value: "": may not be specified when \`value\` is not empty`],
  ],
  [
    'two sources',
    '',
    '    env: [{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}, secretKeyRef: {name: s, key: k}}}]\n',
    [`${E}.valueFrom: Invalid value: "": may not have more than one field specified at a time`],
  ],
  [
    'a field an env var cannot read',
    '',
    '    env: [{name: A, valueFrom: {fieldRef: {fieldPath: status.phase}}}]\n',
    [`${E}.valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: ${ENV_PATHS}`],
  ],
  [
    'a field label that does not exist',
    '',
    '    env: [{name: A, valueFrom: {fieldRef: {fieldPath: spec.nodename}}}]\n',
    [
      `${E}.valueFrom.fieldRef.fieldPath: Invalid value: "spec.nodename": error converting fieldPath: field label not supported: spec.nodename`,
    ],
  ],
  [
    'another API version',
    '',
    '    env: [{name: A, valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}}]\n',
    [
      `${E}.valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2`,
    ],
  ],
  [
    'a subscript of a field that has none, a label key that is not a qualified name',
    '',
    `    env:\n    - {name: A, valueFrom: {fieldRef: {fieldPath: "status.podIP['x']"}}}\n    - {name: B, valueFrom: {fieldRef: {fieldPath: "metadata.labels['bad key']"}}}\n`,
    [
      `${E}.valueFrom.fieldRef.fieldPath: Invalid value: "status.podIP['x']": error converting fieldPath: field label does not support subscript: status.podIP['x']`,
      `containers[0].env[1].valueFrom.fieldRef: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ],
  [
    'a configMapKeyRef with a bad name and no key; a secretKeyRef with a bad key',
    '',
    '    env:\n    - {name: A, valueFrom: {configMapKeyRef: {name: Cfg}}}\n    - {name: B, valueFrom: {secretKeyRef: {name: s, key: "a b"}}}\n',
    [
      `${E}.valueFrom.configMapKeyRef.name: Invalid value: "Cfg": ${DNS1123_SUBDOMAIN_MSG}`,
      `${E}.valueFrom.configMapKeyRef.key: Required value`,
      `containers[0].env[1].valueFrom.secretKeyRef.key: Invalid value: "a b": ${CONFIG_KEY}`,
    ],
  ],
  [
    'a resourceFieldRef without a resource, and one an env var cannot read',
    '',
    '    env:\n    - {name: A, valueFrom: {resourceFieldRef: {containerName: c}}}\n    - {name: B, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}\n',
    [
      `${E}.valueFrom.resourceFieldRef.resource: Required value`,
      'containers[0].env[1].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
    ],
  ],
  [
    'downwardAPI volume files: a field a file cannot read, a resource without its container',
    '  volumes:\n  - name: d\n    downwardAPI:\n      items:\n      - {path: ip, fieldRef: {fieldPath: status.podIP}}\n      - {path: mem, resourceFieldRef: {resource: limits.memory}}\n',
    '',
    [
      'volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: "status.podIP": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
      'volumes[0].downwardAPI.resourceFieldRef.containerName: Required value',
    ],
  ],
];

describe('env and downward API selectors through kubectl apply', () => {
  itRefusesAsPodAndTemplate(CASES);

  it('valid env is accepted: any printable name, spec.host (converted), label and annotation subscripts', () => {
    const d = applied(
      podYaml(
        '',
        `    env:\n    - {name: 1-weird.NAME, value: x}\n    - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.host}}}\n    - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}\n    - {name: MEM, valueFrom: {resourceFieldRef: {resource: limits.memory}}}\n`,
      ),
    );
    expect(d.stdout()).toBe('pod/p created\n');
  });
});
