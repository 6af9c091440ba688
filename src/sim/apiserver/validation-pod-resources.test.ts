// A container's and the pod's `resources` word for word (pkg/apis/core/validation/validation.go
// validateResourceRequirements and validatePodResources of 1.34), as kubectl prints the 422: each
// case applied as a Pod and as a Deployment's pod template. Every case sets requests and limits
// itself (a Pod's requests default to its limits, a template's do not). Several causes of one
// ResourceList come in sorted key order (our choice for Go's map order).
import { describe, expect, it } from 'vitest';
import {
  applied,
  applyErr,
  deployYaml,
  invalidText,
  itRefusesAsPodAndTemplate,
  podYaml,
  type RefusalCase,
} from './validation-pod-testing';

const R = 'containers[0].resources';
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const ctr = (yaml: string) => `    resources: ${yaml}\n`;

// [name, spec lines, container lines, causes with paths relative to the pod spec]
const CASES: RefusalCase[] = [
  [
    'names that are not container resources, in sorted order',
    '',
    ctr('{requests: {pods: 1, cpus: 1}}'),
    [
      `${R}.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified`,
      `${R}.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers`,
      `${R}.requests[pods]: Invalid value: "pods": must be a standard resource for containers`,
    ],
  ],
  [
    'a name that is not a qualified name',
    '',
    ctr('{requests: {"my gpu": 1}}'),
    [
      `${R}.requests[my gpu]: Invalid value: "my gpu": ${NAME_PART}`,
      `${R}.requests[my gpu]: Invalid value: "my gpu": must be a standard resource for containers`,
    ],
  ],
  [
    'a prefixed name that is not an extended resource, without a limit',
    '',
    ctr('{requests: {requests.example.com/gpu: 1}}'),
    [
      `${R}.requests[requests.example.com/gpu]: Invalid value: "requests.example.com/gpu": doesn't follow extended resource name standard`,
      `${R}.limits: Required value: Limit must be set for non overcommitable resources`,
    ],
  ],
  [
    'a negative quantity',
    '',
    ctr('{requests: {cpu: "-1", memory: -64Mi}}'),
    [
      `${R}.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0`,
      `${R}.requests[memory]: Invalid value: "-64Mi": must be greater than or equal to 0`,
    ],
  ],
  [
    'half a GPU (an extended resource is counted in integers)',
    '',
    ctr('{limits: {example.com/gpu: 0.5}, requests: {example.com/gpu: 0.5}}'),
    [
      `${R}.limits[example.com/gpu]: Invalid value: "500m": must be an integer`,
      `${R}.requests[example.com/gpu]: Invalid value: "500m": must be an integer`,
    ],
  ],
  [
    'a request above its limit, printed in canonical form',
    '',
    ctr('{limits: {cpu: 250m, memory: 512Mi}, requests: {cpu: 0.5, memory: 1Gi}}'),
    [
      `${R}.requests: Invalid value: "500m": must be less than or equal to cpu limit of 250m`,
      `${R}.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi`,
    ],
  ],
  [
    'an extended resource whose request is not its limit',
    '',
    ctr('{limits: {example.com/gpu: 2}, requests: {example.com/gpu: 1}}'),
    [`${R}.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2`],
  ],
  [
    'hugepages cannot be overcommitted: a request must equal its limit, and needs one',
    '',
    ctr(
      '{limits: {memory: 1Gi, hugepages-2Mi: 4Mi}, requests: {memory: 1Gi, hugepages-2Mi: 2Mi, hugepages-1Gi: 1Gi}}',
    ),
    [
      `${R}.limits: Required value: Limit must be set for non overcommitable resources`,
      `${R}.requests: Invalid value: "2Mi": must be equal to hugepages-2Mi limit of 4Mi`,
    ],
  ],
  [
    'hugepages without cpu or memory',
    '',
    ctr('{limits: {hugepages-2Mi: 100Mi}, requests: {hugepages-2Mi: 100Mi}}'),
    [`${R}: Forbidden: HugePages require cpu or memory`],
  ],
  [
    'hugepages that are not a whole number of pages',
    '',
    ctr('{limits: {hugepages-2Mi: 3Mi, memory: 1Gi}, requests: {hugepages-2Mi: 3Mi, memory: 1Gi}}'),
    [
      `${R}.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`,
      `${R}.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`,
    ],
  ],
  [
    'a claim the pod does not have',
    '',
    ctr('{claims: [{name: gpu}]}'),
    [`${R}.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty`],
  ],
  [
    'pod-level: a resource other than cpu, memory or hugepages',
    '  resources: {limits: {ephemeral-storage: 1Gi}, requests: {ephemeral-storage: 1Gi}}\n',
    '',
    [
      'resources.limits[ephemeral-storage]: Unsupported value: "ephemeral-storage": supported values: "cpu", "hugepages-", "memory"',
      'resources.requests[ephemeral-storage]: Unsupported value: "ephemeral-storage": supported values: "cpu", "hugepages-", "memory"',
    ],
  ],
  [
    'pod-level: claims, and a request above its limit',
    '  resources: {claims: [{name: x}], limits: {cpu: 1}, requests: {cpu: 1500m}}\n',
    '',
    [
      'resources.claims: Forbidden: claims cannot be set for Resources at pod-level',
      'resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1',
      'resources.claims[0]: Not found: "x": must be one of the names in pod.spec.resourceClaims which is empty',
    ],
  ],
  [
    'pod-level: a request it leaves out is 0 (no pod limits to default from); unsupported resources skipped',
    '  resources: {requests: {cpu: 300m}}\n',
    ctr('{requests: {cpu: 100m, memory: 10Mi, ephemeral-storage: 1Gi}}'),
    [
      'resources.requests[memory]: Invalid value: "0": must be greater than or equal to aggregate container requests of 10Mi',
    ],
  ],
  [
    'pod-level: requests below the containers’ (with a sidecar), a container limit above the pod’s',
    '  resources: {limits: {memory: 100Mi}, requests: {cpu: 100m, memory: 64Mi}}\n  initContainers:\n  - {name: side, image: kiamol/ch03-sleep, restartPolicy: Always, resources: {requests: {cpu: 50m}}}\n',
    ctr('{limits: {memory: 200Mi}, requests: {cpu: 0.1, memory: 32Mi}}'),
    [
      'resources.requests[cpu]: Invalid value: "100m": must be greater than or equal to aggregate container requests of 150m',
      'resources.containers[0][memory].limits: Invalid value: "200Mi": must be less than or equal to pod limits of 100Mi',
    ],
  ],
];

describe('resources through kubectl apply', () => {
  itRefusesAsPodAndTemplate(CASES);

  it('the causes come before the security context’s and after the pull policy’s', () => {
    expect(
      applyErr(
        podYaml(
          '',
          '    imagePullPolicy: Sometimes\n    resources: {requests: {cpu: "-1"}}\n    securityContext: {runAsUser: -1}\n',
        ),
      ),
    ).toBe(
      invalidText('Pod', [
        'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
        'spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
      ]),
    );
  });

  it('a Pod’s requests default to its limits, so a bad limit name is reported for both', () => {
    expect(applyErr(podYaml('', ctr('{limits: {cpus: 1}}')))).toBe(
      invalidText('Pod', [
        `spec.${R}.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified`,
        `spec.${R}.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers`,
        `spec.${R}.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified`,
        `spec.${R}.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers`,
      ]),
    );
  });

  it('valid resources are accepted: equal fractions in any notation, extended and hugepages resources, pod-level', () => {
    const d = applied(
      podYaml(
        '  resources: {limits: {cpu: 1, memory: 1Gi}, requests: {cpu: 500m}}\n',
        ctr(
          '{limits: {cpu: 0.5, memory: 512Mi, example.com/gpu: 1, hugepages-2Mi: 4Mi}, requests: {cpu: 500m, memory: 0.5Gi, example.com/gpu: "1", hugepages-2Mi: 4Mi}}',
        ),
      ),
    );
    expect(d.stderr()).toBe('');
    expect(d.stdout()).toBe('pod/p created\n');
  });
});

describe('a probe’s HTTP header (validateHTTPGetAction)', () => {
  const HEADER =
    "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";
  const probe =
    '    readinessProbe:\n      httpGet: {path: /, port: 80, httpHeaders: [{name: X-Ok, value: a}, {name: "X Bad", value: b}]}\n';

  it('is reported at httpHeaders, without the index or .name', () => {
    expect(applyErr(podYaml('', probe))).toBe(
      invalidText('Pod', [
        `spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: "X Bad": ${HEADER}`,
      ]),
    );
    expect(applyErr(deployYaml('', probe))).toBe(
      invalidText('Deployment', [
        `spec.template.spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: "X Bad": ${HEADER}`,
      ]),
    );
  });
});
