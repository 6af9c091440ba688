// `kubectl get pdb` and `kubectl describe pdb` goldens [K8S 1.34 pkg/printers/internalversion/
// printers.go printPodDisruptionBudget; KUBECTL v0.34.9 pkg/describe/describe.go
// describePodDisruptionBudgetV1].
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const BUDGETS = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  maxUnavailable: 25%
  selector:
    matchExpressions:
    - key: app
      operator: In
      values: [web, api]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: nothing
spec:
  minAvailable: 1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: everything
spec:
  selector: {}
`;

function driver() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx --replicas=4').advance(30_000);
  d.apply(BUDGETS).advance(65_000);
  return d;
}

describe('PodDisruptionBudget printers', () => {
  it('get pdb: N/A for the unset one of minAvailable/maxUnavailable, percent as written', () => {
    const d = driver();
    d.kubectl('get pdb');
    expect(d.text()).toBe(
      [
        'NAME         MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE',
        'everything   N/A             N/A               0                     65s',
        'nothing      1               N/A               0                     65s',
        'web-pdb      N/A             25%               1                     65s',
        '',
      ].join('\n'),
    );
    d.kubectl('get poddisruptionbudgets.policy -A -o wide');
    expect(d.text().split('\n')[0]).toBe(
      'NAMESPACE   NAME         MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE',
    );
  });

  it('describe pdb: Max unavailable, a set-based selector, Status at LEVEL_2', () => {
    const d = driver();
    d.kubectl('describe pdb web-pdb');
    expect(d.text()).toBe(
      [
        'Name:             web-pdb',
        'Namespace:        default',
        'Max unavailable:  25%',
        'Selector:         app in (api,web)',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              4',
        '    Desired:              3',
        '    Total:                4',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('describe pdb: Selector <unset> for none and <none> for {}, and the NoPods events', () => {
    const d = driver();
    d.kubectl('describe pdb nothing');
    expect(d.text()).toBe(
      [
        'Name:           nothing',
        'Namespace:      default',
        'Min available:  1',
        'Selector:       <unset>',
        'Status:',
        '    Allowed disruptions:  0',
        '    Current:              0',
        '    Desired:              1',
        '    Total:                0',
        'Events:',
        '  Type    Reason  Age                From               Message',
        '  ----    ------  ----               ----               -------',
        '  Normal  NoPods  65s (x2 over 65s)  controllermanager  No matching pods found',
        '',
      ].join('\n'),
    );
    d.kubectl('describe pdb everything');
    expect(d.text()).toContain('Name:       everything\nNamespace:  default\nSelector:   <none>\nStatus:\n');
  });

  it('-o yaml: the stored object with the controller status', () => {
    const d = driver();
    d.kubectl('get pdb web-pdb -o yaml');
    expect(d.text()).toContain(
      [
        'spec:',
        '  maxUnavailable: 25%',
        '  selector:',
        '    matchExpressions:',
        '    - key: app',
        '      operator: In',
        '      values:',
        '      - web',
        '      - api',
        'status:',
        '  conditions:',
        '  - lastTransitionTime: "2026-01-08T09:30:30Z"',
        '    message: ""',
        '    observedGeneration: 1',
        '    reason: SufficientPods',
        '    status: "True"',
        '    type: DisruptionAllowed',
        '  currentHealthy: 4',
        '  desiredHealthy: 3',
        '  disruptionsAllowed: 1',
        '  expectedPods: 4',
        '  observedGeneration: 1',
        '',
      ].join('\n'),
    );
    expect(d.text()).toMatch(/^apiVersion: policy\/v1\nkind: PodDisruptionBudget\nmetadata:\n/);
    expect(d.text()).toContain('  generation: 1\n');
  });

  it('get --raw: policy/v1 struct order (spec minAvailable before selector, the counts never omitted)', () => {
    const d = driver();
    d.kubectl('get --raw /apis/policy/v1/namespaces/default/poddisruptionbudgets/nothing');
    expect(d.text()).toContain(
      '"spec":{"minAvailable":1},"status":{"observedGeneration":1,"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":1,"expectedPods":0,"conditions":[{"type":"DisruptionAllowed","status":"False","observedGeneration":1,"lastTransitionTime":"2026-01-08T09:30:30Z","reason":"InsufficientPods","message":""}]}}',
    );
  });
});
