// policy/v1 PodDisruptionBudget writes: PrepareForCreate/Update and ValidatePodDisruptionBudget's
// messages word for word [K8S pkg/registry/policy/poddisruptionbudget/strategy.go,
// pkg/apis/policy/validation/validation.go, pkg/apis/apps/validation ValidatePositiveIntOrPercent,
// IsNotMoreThan100Percent; APIMACH field/errors.go (json.Marshal of the internal spec)].
import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from '../api/types';
import { createCluster } from '../cluster';

const pdb = (spec: object, name = 'web-pdb'): string =>
  JSON.stringify({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec });

function refusal(spec: object, name?: string): string {
  const c = createCluster({ seed: 1 });
  const e = c.apply([JSON.parse(pdb(spec, name))])[0]?.result;
  if (!e || e.ok) throw new Error('expected a refusal');
  return e.error.message;
}

describe('PodDisruptionBudget validation (1.34 messages)', () => {
  const sel = { matchLabels: { app: 'web' } };
  it('minAvailable and maxUnavailable both set: the internal spec as json.Marshal writes it', () => {
    expect(refusal({ minAvailable: 1, maxUnavailable: '25%', selector: sel })).toBe(
      'PodDisruptionBudget.policy "web-pdb" is invalid: spec: Invalid value: {"MinAvailable":1,"Selector":{"matchLabels":{"app":"web"}},"MaxUnavailable":"25%","UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
    );
  });
  it('negative int, percent without %, percent over 100', () => {
    expect(refusal({ minAvailable: -1, selector: sel })).toBe(
      'PodDisruptionBudget.policy "web-pdb" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(refusal({ maxUnavailable: '50', selector: sel })).toBe(
      `PodDisruptionBudget.policy "web-pdb" is invalid: spec.maxUnavailable: Invalid value: "50": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    );
    expect(refusal({ minAvailable: '150%', selector: sel })).toBe(
      'PodDisruptionBudget.policy "web-pdb" is invalid: spec.minAvailable: Invalid value: "150%": must not be greater than 100%',
    );
  });
  it('unhealthyPodEvictionPolicy and the selector', () => {
    expect(refusal({ minAvailable: 1, selector: sel, unhealthyPodEvictionPolicy: 'Never' })).toBe(
      'PodDisruptionBudget.policy "web-pdb" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
    );
    expect(
      refusal({ minAvailable: 1, selector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }),
    ).toBe(
      "PodDisruptionBudget.policy \"web-pdb\" is invalid: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    );
  });
  it('the name is only a path segment; metadata is checked after the spec', () => {
    expect(refusal({ minAvailable: 1 }, 'a%b')).toBe(
      `PodDisruptionBudget.policy "a%b" is invalid: metadata.name: Invalid value: "a%b": may not contain '%'`,
    );
    expect(refusal({ minAvailable: -1 }, 'a%b')).toBe(
      'PodDisruptionBudget.policy "a%b" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0',
    );
    // Upper case is fine: the kind checks no DNS name.
    const c = createCluster({ seed: 1 });
    expect(c.apply([JSON.parse(pdb({ minAvailable: 1 }, 'Web_PDB'))])[0]?.result.ok).toBe(true);
  });
});

describe('PodDisruptionBudget strategy', () => {
  it('create drops the status and sets generation 1; a spec change bumps it and keeps the status', () => {
    const c = createCluster({ seed: 1 });
    const doc = JSON.parse(pdb({ minAvailable: 1, selector: { matchLabels: { app: 'web' } } }));
    doc.status = { disruptionsAllowed: 5, currentHealthy: 9, desiredHealthy: 9, expectedPods: 9 };
    expect(c.apply([doc])[0]?.result.ok).toBe(true);
    const a = c.get('PodDisruptionBudget', 'default', 'web-pdb') as PodDisruptionBudget;
    expect(a.metadata.generation).toBe(1);
    // No Pod matches: the controller has written its status (0 of 0, InsufficientPods).
    expect(a.status).toMatchObject({ observedGeneration: 1, disruptionsAllowed: 0, expectedPods: 0 });
    const b = JSON.parse(pdb({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } }));
    b.status = { disruptionsAllowed: 7, currentHealthy: 7, desiredHealthy: 7, expectedPods: 7 };
    c.apply([b]);
    const after = c.get('PodDisruptionBudget', 'default', 'web-pdb') as PodDisruptionBudget;
    expect(after.metadata.generation).toBe(2);
    expect(after.status?.desiredHealthy).toBe(2);
    expect(after.status?.observedGeneration).toBe(2);
    // The same spec again: no new generation.
    c.apply([JSON.parse(pdb({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } }))]);
    expect(c.get('PodDisruptionBudget', 'default', 'web-pdb')?.metadata.generation).toBe(2);
  });
});
