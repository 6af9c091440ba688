// `kubectl describe poddisruptionbudget` [KUBECTL v0.34.9 pkg/describe/describe.go
// PodDisruptionBudgetDescriber, describePodDisruptionBudgetV1]: Name, Namespace, then
// `Min available` when set, else `Max unavailable` when set (neither line when both are unset),
// Selector (metav1.FormatLabelSelector: `<none>` for an empty selector, `<unset>` when there is
// none), Status with Allowed disruptions, Current, Desired and Total at LEVEL_2, then the Events.
// No Labels or Annotations lines: the describer prints none.
import type { PodDisruptionBudget } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { DescribeWriter, describeEvents } from './describe-util';
import { selectorString } from './tables';

export function describePodDisruptionBudget(i: DescribeInput): string {
  const pdb = i.obj as PodDisruptionBudget;
  const spec = pdb.spec ?? {};
  const st = pdb.status;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
  if (spec.minAvailable !== undefined && spec.minAvailable !== null)
    w.write(0, `Min available:\t${String(spec.minAvailable)}\n`);
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null)
    w.write(0, `Max unavailable:\t${String(spec.maxUnavailable)}\n`);
  if (spec.selector) w.write(0, `Selector:\t${selectorString(spec.selector) || '<none>'}\n`);
  else w.write(0, 'Selector:\t<unset>\n');
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st?.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st?.expectedPods ?? 0}\n`);
  describeEvents(w, i.events, i.now);
  return w.done();
}
