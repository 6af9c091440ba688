// ValidateJob's podFailurePolicy and successPolicy rules (validation-job.ts, 1.34
// pkg/apis/batch/validation: validatePodFailurePolicy, validateSuccessPolicy, validateIndexesFormat)
// through the simulated API server, and kubectl apply's message for one.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';

const job = (spec: Record<string, unknown>) =>
  ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: {
      ...spec,
      template: {
        spec: {
          restartPolicy: 'Never',
          initContainers: [{ name: 'init', image: 'busybox' }],
          containers: [{ name: 'main', image: 'busybox' }],
        },
      },
    },
  }) as unknown as K8sObject;

function causes(obj: K8sObject): string[] {
  const r = createCluster({ seed: 1 }).create(obj);
  if (r.ok) return [];
  return (r.error.details?.causes ?? []).map((x) => `${x.field}: ${x.message}`);
}

const pfp = (...rules: unknown[]) => job({ podFailurePolicy: { rules } });
const P = 'spec.podFailurePolicy.rules[0]';

describe('ValidateJob: podFailurePolicy (1.34)', () => {
  it('accepts valid rules (containerName of an init container, NotIn with 0, a condition without status)', () => {
    expect(
      causes(
        pfp(
          { action: 'FailJob', onExitCodes: { containerName: 'init', operator: 'NotIn', values: [0, 1] } },
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
          { action: 'Count', onExitCodes: { operator: 'In', values: [42] } },
        ),
      ),
    ).toEqual([]);
  });

  it('refuses actions, operators, values and container names as validatePodFailurePolicyRule does', () => {
    expect(causes(pfp({ onExitCodes: { operator: 'In', values: [1] } }))).toEqual([
      `${P}.action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`,
    ]);
    expect(causes(pfp({ action: 'Retry', onExitCodes: { operator: 'Is', values: [1] } }))).toEqual([
      `${P}.action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"`,
      `${P}.onExitCodes.operator: Unsupported value: "Is": supported values: "In", "NotIn"`,
    ]);
    expect(causes(pfp({ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }))).toEqual([
      `${P}.action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set`,
    ]);
    expect(
      causes(
        pfp({
          action: 'FailJob',
          onExitCodes: { containerName: 'side', operator: 'In', values: [0, 3, 3, 2] },
        }),
      ),
    ).toEqual([
      `${P}.onExitCodes.containerName: Invalid value: "side": must be one of the container or initContainer names in the pod template`,
      `${P}.onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator`,
      `${P}.onExitCodes.values[2]: Duplicate value: 3`,
      `${P}.onExitCodes.values: Invalid value: [0,3,3,2]: must be ordered`,
    ]);
    expect(causes(pfp({ action: 'Count', onExitCodes: { values: [] } }))).toEqual([
      `${P}.onExitCodes.operator: Required value: valid values: ["In" "NotIn"]`,
      `${P}.onExitCodes.values: Invalid value: []: at least one value is required`,
    ]);
  });

  it('one requirement per rule; onPodConditions type and status', () => {
    expect(causes(pfp({ action: 'Ignore' }))).toEqual([
      `${P}: Invalid value: specifying one of OnExitCodes and OnPodConditions is required`,
    ]);
    expect(
      causes(
        pfp({
          action: 'Ignore',
          onExitCodes: { operator: 'In', values: [1] },
          onPodConditions: [{ type: 'Bad Type', status: 'Maybe' }],
        }),
      ),
    ).toEqual([
      `${P}.onPodConditions[0].type: Invalid value: "Bad Type": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `${P}.onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"`,
      `${P}: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported`,
    ]);
    const many = Array.from({ length: 21 }, () => ({ action: 'Ignore', onPodConditions: [{ type: 'X' }] }));
    expect(causes(pfp(...many))).toEqual([
      'spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items',
    ]);
  });

  it('kubectl apply prints the refusal (restartPolicy OnFailure with a podFailurePolicy too)', () => {
    const d = kdrive({ seed: 2, profile: 'kind' });
    d.session.fs.write(
      '/home/student/ch03/job.yaml',
      `apiVersion: batch/v1
kind: Job
metadata:
  name: bad
spec:
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: app
        operator: In
        values: [42]
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: main
        image: busybox
`,
    );
    expect(d.kubectl('apply -f job.yaml').text()).toBe(
      'The Job "bad" is invalid: \n' +
        '* spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "app": must be one of the container or initContainer names in the pod template\n' +
        '* spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified\n',
    );
  });
});

const sp = (rules: unknown[], extra: Record<string, unknown> = {}) =>
  job({ completionMode: 'Indexed', completions: 5, successPolicy: { rules }, ...extra });
const S = 'spec.successPolicy.rules[0]';

describe('ValidateJob: successPolicy of an Indexed Job (1.34)', () => {
  it('accepts succeededIndexes with a succeededCount within them', () => {
    expect(causes(sp([{ succeededIndexes: '0-2,4', succeededCount: 4 }, { succeededCount: 5 }]))).toEqual([]);
  });

  it('refuses empty rules, a rule with neither field, bad index lists and counts', () => {
    expect(causes(sp([]))).toEqual([
      'spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified',
    ]);
    expect(causes(sp([{}]))).toEqual([
      `${S}: Required value: at least one of succeededCount or succeededIndexes must be specified`,
    ]);
    const idx = (s: string) => causes(sp([{ succeededIndexes: s }]));
    expect(idx('0-5')).toEqual([
      `${S}.succeededIndexes: Invalid value: "0-5": error parsing succeededIndexes: too large index: "5"`,
    ]);
    expect(idx('3,1')).toEqual([
      `${S}.succeededIndexes: Invalid value: "3,1": error parsing succeededIndexes: non-increasing order, previous: 3, current: 1`,
    ]);
    expect(idx('2-2')).toEqual([
      `${S}.succeededIndexes: Invalid value: "2-2": error parsing succeededIndexes: non-increasing order, previous: 2, current: 2`,
    ]);
    expect(idx('a')).toEqual([
      `${S}.succeededIndexes: Invalid value: "a": error parsing succeededIndexes: cannot convert string to integer for index: "a"`,
    ]);
    expect(idx('1-2-3')).toEqual([
      `${S}.succeededIndexes: Invalid value: "1-2-3": error parsing succeededIndexes: the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'`,
    ]);
    expect(causes(sp([{ succeededIndexes: '0,1', succeededCount: 6 }]))).toEqual([
      `${S}.succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)`,
      `${S}.succeededCount: Invalid value: 6: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)`,
    ]);
  });

  it('maxFailedIndexes may not exceed completions', () => {
    expect(
      causes(
        job({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 3 }),
      ),
    ).toEqual(['spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions']);
  });
});
