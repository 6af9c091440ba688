// ValidatePodUpdate of 1.34 through kubectl apply on an existing Pod: ValidateObjectMetaUpdate's
// labels, the new Pod validated as on create, then the update rules in the source's order
// (pkg/apis/core/validation/validation.go ValidatePodUpdate, ValidateContainerUpdates,
// validateOnlyAddedTolerations, validateOnlyDeletedSchedulingGates). kubectl prints the 422's
// message, which names a repeated cause once.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { invalidText, podYaml } from './validation-pod-testing';

const MUTABLE =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** kubectl apply of `first`, some time, then of `second`: the second apply's stderr. */
function update(first: string, second: string): { err: string; out: string; code: number } {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.session.fs.write('/home/student/ch03/p.yaml', first);
  d.kubectl('apply -f p.yaml');
  expect(d.stderr()).toBe('');
  d.advance(5000);
  d.session.fs.write('/home/student/ch03/p.yaml', second);
  d.kubectl('apply -f p.yaml');
  return { err: d.stderr(), out: d.stdout(), code: d.exitCode() };
}

describe('a Pod update through kubectl apply', () => {
  it('takes a new image', () => {
    const r = update(podYaml(''), podYaml('').replace('kiamol/ch03-sleep', 'kiamol/ch03-sleep:v2'));
    expect(r).toEqual({ err: '', out: 'pod/p configured\n', code: 0 });
  });

  it('refuses a change to resources with the Forbidden cause alone', () => {
    const r = update(
      podYaml('', '    resources: {requests: {cpu: 100m}}\n'),
      podYaml('', '    resources: {requests: {cpu: 200m}}\n'),
    );
    expect(r.err).toBe(invalidText('Pod', [MUTABLE]));
  });

  it('takes the same quantity written another way (apiequality.Semantic)', () => {
    const r = update(
      podYaml('', '    resources: {requests: {cpu: 0.5}}\n'),
      podYaml('', '    resources: {requests: {cpu: 500m}}\n'),
    );
    expect(r).toEqual({ err: '', out: 'pod/p configured\n', code: 0 });
  });

  it('reports the spec’s own causes and a bad label first, then the Forbidden cause', () => {
    const r = update(
      podYaml(''),
      podYaml('', '    resources: {limits: {cpu: 250m}, requests: {cpu: 0.5}}\n').replace(
        '  name: p\n',
        '  name: p\n  labels: {app: "bad value!"}\n',
      ),
    );
    expect(r.err).toBe(
      invalidText('Pod', [
        `metadata.labels: Invalid value: "bad value!": ${LABEL_VALUE}`,
        'spec.containers[0].resources.requests: Invalid value: "500m": must be less than or equal to cpu limit of 250m',
        MUTABLE,
      ]),
    );
  });

  it('refuses another container, and stops there', () => {
    const r = update(podYaml(''), `${podYaml('')}  - name: d\n    image: kiamol/ch03-sleep\n`);
    expect(r.err).toBe(
      invalidText('Pod', ['spec.containers: Forbidden: pod updates may not add or remove containers']),
    );
  });

  it('activeDeadlineSeconds may only go down, and its cause stops the checks', () => {
    const r = update(
      podYaml('  activeDeadlineSeconds: 300\n'),
      podYaml('  activeDeadlineSeconds: 600\n  hostname: x\n'),
    );
    expect(r.err).toBe(
      invalidText('Pod', [
        'spec.activeDeadlineSeconds: Invalid value: 600: must be less than or equal to previous value',
      ]),
    );
    const down = update(podYaml('  activeDeadlineSeconds: 300\n'), podYaml('  activeDeadlineSeconds: 100\n'));
    expect(down).toEqual({ err: '', out: 'pod/p configured\n', code: 0 });
  });

  it('an existing toleration may not change', () => {
    const r = update(
      podYaml('  tolerations: [{key: a, value: v1, effect: NoSchedule}]\n'),
      podYaml('  tolerations: [{key: a, value: v2, effect: NoSchedule}]\n'),
    );
    expect(r.err).toBe(
      invalidText('Pod', [
        'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
      ]),
    );
  });

  it('a scheduling gate may not be added', () => {
    const r = update(podYaml(''), podYaml('  schedulingGates: [{name: example.com/wait}]\n'));
    expect(r.err).toBe(
      invalidText('Pod', [
        "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/wait'",
      ]),
    );
  });

  it('a gated Pod may gain nodeSelector entries, not change or lose them', () => {
    const gated = '  schedulingGates: [{name: example.com/wait}]\n';
    const added = update(
      podYaml(`${gated}  nodeSelector: {disk: ssd}\n`),
      podYaml(`${gated}  nodeSelector: {disk: ssd, zone: a}\n`),
    );
    expect(added).toEqual({ err: '', out: 'pod/p configured\n', code: 0 });
    const changed = update(
      podYaml(`${gated}  nodeSelector: {disk: ssd}\n`),
      podYaml(`${gated}  nodeSelector: {disk: hdd, zone: a}\n`),
    );
    expect(changed.err).toBe(
      invalidText('Pod', [
        'spec.nodeSelector: Invalid value: {"disk":"hdd","zone":"a"}: only additions to spec.nodeSelector are allowed (no mutations or deletions)',
      ]),
    );
    // Not gated: any nodeSelector change is the Forbidden cause.
    const scheduled = update(
      podYaml('  nodeSelector: {disk: ssd}\n'),
      podYaml('  nodeSelector: {disk: ssd, zone: a}\n'),
    );
    expect(scheduled.err).toBe(invalidText('Pod', [MUTABLE]));
  });

  it('kubectl replace with the file it was created from: the scheduled nodeName and the token volume are changes', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    d.session.fs.write('/home/student/ch03/p.yaml', podYaml(''));
    d.kubectl('create -f p.yaml').advance(5000);
    d.kubectl('replace -f p.yaml');
    expect(d.stderr()).toBe(invalidText('Pod', [MUTABLE]));
    d.kubectl('get pod p -o yaml > live.yaml').kubectl('replace -f live.yaml');
    expect(d.stdout()).toBe('pod/p replaced\n');
  });
});
