// `kubectl describe statefulset` as kubectl v0.34.9 prints it (pkg/describe/describe.go
// StatefulSetDescriber / describeStatefulSet): CreationTimestamp (RFC1123Z), the selector, labels
// and annotations, `Replicas: N desired | M total` (spec.replicas, status.replicas), the update
// strategy (Partition only when the rollingUpdate has one, MaxUnavailable only then too), the
// Pods it controls by phase (getPodStatusForController: the selector's Pods whose controller
// reference is this uid), the Pod template, describeVolumeClaimTemplates (`<none>`, or each
// template's name, storage class, labels, annotations, capacity and access modes) and the Events.
import type { Pod, StatefulSet } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { describePodTemplate } from './describe-pod';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { selectorString } from './tables';

// biome-ignore lint/suspicious/noExplicitAny: PersistentVolumeClaim templates are plain JSON.
type Any = any;

/** describeVolumeClaimTemplates. */
function describeClaims(w: DescribeWriter, templates: Any[] | undefined): void {
  if (!templates?.length) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    // GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName.
    const cls =
      pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ??
      pvc.spec?.storageClassName ??
      '';
    w.write(1, `StorageClass:\t${cls}\n`);
    labelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    labelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(1, `Capacity:\t${storage ?? '<default>'}\n`);
    // %s of a []PersistentVolumeAccessMode: [ReadWriteOnce ReadOnlyMany].
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet({ obj, events, now, related }: DescribeInput): string {
  const sts = obj as StatefulSet;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sts.metadata.name}\n`);
  w.write(0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(sts.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', sts.metadata.labels);
  annotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(0, `Replicas:\t${sts.spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
  const st = sts.spec.updateStrategy;
  w.write(0, `Update Strategy:\t${st?.type ?? ''}\n`);
  const ru = st?.rollingUpdate;
  if (ru?.partition != null) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable != null) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  const c = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of related.pods ?? ([] as Pod[])) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (ref?.uid !== sts.metadata.uid) continue;
    const ph = p.status?.phase as keyof typeof c;
    if (ph in c) c[ph]++;
  }
  w.write(
    0,
    `Pods Status:\t${c.Running} Running / ${c.Pending} Waiting / ${c.Succeeded} Succeeded / ${c.Failed} Failed\n`,
  );
  describePodTemplate(w, sts.spec.template);
  describeClaims(w, sts.spec.volumeClaimTemplates);
  describeEvents(w, events, now);
  return w.done();
}
