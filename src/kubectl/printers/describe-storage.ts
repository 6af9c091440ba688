// kubectl 1.34's describers of the storage kinds [kubectl pkg/describe/describe.go
// describePersistentVolume, describePersistentVolumeClaim (printPersistentVolumeClaim,
// getPodsForPVC, printPodsMultiline), describeStorageClass; pkg/util/storage]:
// - PersistentVolume: Name, Labels, Annotations, Finalizers (Go's %v of the list), StorageClass,
//   Status (`Terminating (lasts 5s)` once deleted), Claim `ns/name`, Reclaim Policy, Access Modes,
//   VolumeMode, Capacity, Node Affinity (Required Terms, `Term N:` with `key op [values]`),
//   Message, Source (HostPath/LocalVolume/NFS, else `<unknown>`), Events;
// - PersistentVolumeClaim: Name, Namespace, StorageClass, Status, Volume, Labels, Annotations,
//   Finalizers, Capacity and Access Modes (only once bound), VolumeMode, DataSource, Used By (the
//   namespace's Pods whose volumes name it, sorted), Events;
// - StorageClass: Name, IsDefaultClass Yes/No, Annotations as labels.FormatLabels (`k=v,…`, the
//   last-applied value's trailing newline kept, which splits the tabwriter's block as in kind),
//   Provisioner, Parameters, AllowVolumeExpansion (`<unset>` when nil), MountOptions,
//   ReclaimPolicy, VolumeBindingMode, Events.
import type { K8sObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { annotationsMultiline, DescribeWriter, describeEvents, labelsMultiline } from './describe-util';
import { translateTimestampSince } from './duration';
import { accessModesString, isDefaultClass, storageClassOf, storageString } from './tables-storage';

// biome-ignore lint/suspicious/noExplicitAny: volume sources are loosely typed.
type Any = any;

/** Go's %v of a []string: `[a b]`, `[]` when empty. */
function goList(xs: readonly string[] | undefined): string {
  return `[${(xs ?? []).join(' ')}]`;
}

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',');
}

function status(o: K8sObject, now: number): string {
  const del = o.metadata.deletionTimestamp;
  return del ? `Terminating (lasts ${translateTimestampSince(del, now)})` : (o.status?.phase ?? '');
}

function nodeAffinity(w: DescribeWriter, affinity: Any): void {
  w.write(0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.write(0, '<none>\n');
    return;
  }
  w.write(0, '\n');
  w.write(1, 'Required Terms:\t');
  const terms: Any[] = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  w.write(0, '\n');
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs: Any[] = term.matchExpressions ?? [];
    if (reqs.length === 0) {
      w.write(0, '<none>\n');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(2, '\t');
      let s = `${r.key} ${String(r.operator ?? '').toLowerCase()}`;
      if (r.values?.length) s += ` [${r.values.join(', ')}]`;
      w.write(0, `${s}\n`);
    });
  });
}

function source(w: DescribeWriter, spec: Any): void {
  if (spec.hostPath) {
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`,
    );
  } else if (spec.local) {
    w.write(
      2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
    );
  } else if (spec.nfs) {
    w.write(
      2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`,
    );
  } else w.write(1, '<unknown>\n');
}

export function describePersistentVolume(i: DescribeInput): string {
  const pv = i.obj as PersistentVolume;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  labelsMultiline(w, 'Labels', pv.metadata.labels);
  annotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pv)}\n`);
  w.write(0, `Status:\t${status(pv, i.now)}\n`);
  const ref = pv.spec?.claimRef;
  w.write(0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesString(pv.spec?.accessModes)}\n`);
  if (pv.spec?.volumeMode) w.write(0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${storageString(pv.spec?.capacity?.storage)}\n`);
  nodeAffinity(w, pv.spec?.nodeAffinity);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  source(w, pv.spec ?? {});
  describeEvents(w, i.events, i.now);
  return w.done();
}

export function describePersistentVolumeClaim(i: DescribeInput): string {
  const pvc = i.obj as PersistentVolumeClaim;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  w.write(0, `Status:\t${status(pvc, i.now)}\n`);
  w.write(0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  labelsMultiline(w, 'Labels', pvc.metadata.labels);
  annotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = (pvc.spec?.volumeName ?? '') !== '';
  w.write(0, `Capacity:\t${bound ? storageString(pvc.status?.capacity?.storage) : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec?.volumeMode) w.write(0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const ds: Any = pvc.spec?.dataSource;
  if (ds) {
    w.write(0, 'DataSource:\n');
    if (ds.apiGroup != null) w.write(1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(1, `Kind:\t${ds.kind ?? ''}\n`);
    w.write(1, `Name:\t${ds.name ?? ''}\n`);
  }
  const users = (i.related.pods ?? [])
    .filter((p) =>
      (((p.spec as Any)?.volumes ?? []) as Any[]).some(
        (v: Any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name,
      ),
    )
    .map((p) => p.metadata.name)
    .sort();
  w.write(0, `Used By:\t${users.length === 0 ? '<none>' : users.join('\n\t')}\n`);
  describeEvents(w, i.events, i.now);
  return w.done();
}

export function describeStorageClass(i: DescribeInput): string {
  const sc = i.obj as StorageClass;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  const ave = sc.allowVolumeExpansion;
  w.write(0, `AllowVolumeExpansion:\t${ave === undefined ? '<unset>' : ave ? 'True' : 'False'}\n`);
  if (!sc.mountOptions?.length) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const o of sc.mountOptions) w.write(1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  describeEvents(w, i.events, i.now);
  return w.done();
}
