// Test helpers for the pod spec validation tests (validation-pod-*.test.ts): a Pod and a
// Deployment around a spec fragment, applied through kubectl, and kubectl's print of a 422.
import { expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { indentLines } from '../testing/manifests';

/** A Pod `p`: `spec` lines (indented 2) before its container `c`, `ctr` lines (indented 4) in it. */
export const podYaml = (spec: string, ctr = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}  containers:
  - name: c
    image: kiamol/ch03-sleep
${ctr}`;

/** The same spec as the pod template of a Deployment `p`. */
export const deployYaml = (spec: string, ctr = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: p
spec:
  selector:
    matchLabels: {app: p}
  template:
    metadata:
      labels: {app: p}
    spec:
${indentLines(spec, '    ')}      containers:
      - name: c
        image: kiamol/ch03-sleep
${indentLines(ctr, '    ')}`;

/** A kind cluster after `kubectl apply -f p.yaml` of `yaml`: the driver, for what kubectl printed. */
export function applied(yaml: string) {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.session.fs.write('/home/student/ch03/p.yaml', yaml);
  return d.kubectl('apply -f p.yaml');
}

/** kubectl apply's stderr for `yaml`, which must be refused. */
export function applyErr(yaml: string): string {
  const d = applied(yaml);
  expect(d.exitCode()).toBe(1);
  return d.stderr();
}

/** A table row: name, spec lines, container lines, the causes (paths from the pod spec). */
export type RefusalCase = [name: string, spec: string, ctr: string, causes: string[]];

/**
 * One test a row as a Pod (causes under `spec.`) and one as a Deployment's template (causes
 * under `spec.template.spec.`): the same pod spec validation runs on both.
 */
export function itRefusesAsPodAndTemplate(cases: RefusalCase[]): void {
  it.each(cases)('Pod: %s', (_name, spec, ctr, causes) => {
    expect(applyErr(podYaml(spec, ctr))).toBe(
      invalidText(
        'Pod',
        causes.map((c) => `spec.${c}`),
      ),
    );
  });

  it.each(cases)('Deployment template: %s', (_name, spec, ctr, causes) => {
    expect(applyErr(deployYaml(spec, ctr))).toBe(
      invalidText(
        'Deployment',
        causes.map((c) => `spec.template.spec.${c}`),
      ),
    );
  });
}

/** kubectl's print of a 422 with these causes (one inline, several as a list). */
export function invalidText(kind: string, causes: string[]): string {
  return causes.length === 1
    ? `The ${kind} "p" is invalid: ${causes[0]}\n`
    : `The ${kind} "p" is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}\n`;
}
