// `kubectl describe daemonset` as kubectl v0.34.9 prints it (pkg/describe/describe.go
// DaemonSetDescriber / describeDaemonSet): the selector, the template's node selector
// (labels.FormatLabels, `<none>` when empty), the status counts on lines without a tab (so the
// tabwriter does not align them), the Pods the DaemonSet controls by phase
// (getPodStatusForController: the selector's Pods whose controller reference is this uid, every
// phase counted, terminating ones too), the Pod template and the Events.
import type { DaemonSet, Pod } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { describePodTemplate } from './describe-pod';
import { annotationsMultiline, DescribeWriter, describeEvents, labelsMultiline } from './describe-util';
import { formatLabelsOrNone, selectorString } from './tables';

export function describeDaemonSet({ obj, events, now, related }: DescribeInput): string {
  const ds = obj as DaemonSet;
  const st = ds.status ?? ({} as DaemonSet['status']);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
  const nodeSelector = (ds.spec.template.spec as { nodeSelector?: Record<string, string> }).nodeSelector;
  w.write(0, `Node-Selector:\t${formatLabelsOrNone(nodeSelector)}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  const c = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of related.pods ?? ([] as Pod[])) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (ref?.uid !== ds.metadata.uid) continue;
    const ph = p.status?.phase as keyof typeof c;
    if (ph in c) c[ph]++;
  }
  w.write(
    0,
    `Pods Status:\t${c.Running} Running / ${c.Pending} Waiting / ${c.Succeeded} Succeeded / ${c.Failed} Failed\n`,
  );
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, events, now);
  return w.done();
}
