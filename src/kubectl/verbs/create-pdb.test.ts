// kubectl create poddisruptionbudget [KUBECTL v0.34.9 pkg/cmd/create/create_pdb.go Validate,
// createPodDisruptionBudgets; APIMACH pkg/apis/meta/v1/helpers.go ParseToLabelSelector].
import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from '../../sim/api/types';
import { kdrive } from '../testing';
import { PDB_HELP } from './create-help';

describe('kubectl create poddisruptionbudget', () => {
  it('creates the budget; the controller fills its status', () => {
    const d = kdrive().kubectl('create deployment rails --image=nginx --replicas=2').advance(30_000);
    d.kubectl('create poddisruptionbudget my-pdb --selector=app=rails --min-available=1');
    expect(d.text()).toBe('poddisruptionbudget.policy/my-pdb created\n');
    const pdb = d.cluster.get('PodDisruptionBudget', 'default', 'my-pdb') as PodDisruptionBudget;
    expect(pdb.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { app: 'rails' } } });
    expect(pdb.status).toMatchObject({ disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1 });
  });

  it('client dry run: set-based requirements sorted by key, values sorted, the percent kept a string', () => {
    const d = kdrive().kubectl(
      'create pdb x --selector="tier,app in (b,a)" --max-unavailable=50% --dry-run=client -o yaml',
    );
    expect(d.text()).toBe(
      [
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata:',
        '  name: x',
        'spec:',
        '  maxUnavailable: 50%',
        '  selector:',
        '    matchExpressions:',
        '    - key: app',
        '      operator: In',
        '      values:',
        '      - a',
        '      - b',
        '    - key: tier',
        '      operator: Exists',
        'status:',
        '  currentHealthy: 0',
        '  desiredHealthy: 0',
        '  disruptionsAllowed: 0',
        '  expectedPods: 0',
        '',
      ].join('\n'),
    );
  });

  it("Validate's and ParseToLabelSelector's errors, then the server's", () => {
    const d = kdrive();
    const err = (line: string) => d.kubectl(line).stderr();
    expect(err('create pdb y --min-available=1')).toBe('error: a selector must be specified\n');
    expect(err('create pdb y --selector=a=b')).toBe(
      'error: one of min-available or max-unavailable must be specified\n',
    );
    expect(err('create pdb y --selector=a=b --min-available=1 --max-unavailable=1')).toBe(
      'error: min-available and max-unavailable cannot be both specified\n',
    );
    expect(err('create pdb y --selector=a=b --max-unavailable=1.5')).toBe(
      'error: invalid format specified for max-unavailable\n',
    );
    expect(err('create pdb y --selector=a!=b --min-available=1')).toBe(
      'error: "!=" is not a valid label selector operator\n',
    );
    expect(err('create pdb y --selector=a=b --min-available=150%')).toBe(
      'error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy "y" is invalid: spec.minAvailable: Invalid value: "150%": must not be greater than 100%\n',
    );
    expect(err('create pdb y --selector=a=b --min-available=1 --image=x')).toBe(
      "error: unknown flag: --image\nSee 'kubectl create poddisruptionbudget --help' for usage.\n",
    );
  });

  it('--help', () => {
    const d = kdrive().kubectl('create pdb --help');
    expect(d.text()).toBe(PDB_HELP);
    expect(PDB_HELP).toContain(
      'Usage:\n  kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]\n',
    );
  });
});
