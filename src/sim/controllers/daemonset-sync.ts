// The work of ./publishers, bound late (only a user's delete, or the kubelet's writes once the
// terminal is up, ever reaches it):
// - a user's DaemonSet (any DaemonSet stored as a plain object, a boot one the user wrote to
//   included) goes to ./daemonset-controller, the 1.34 daemon controller in full;
// - the DaemonSet controller for the boot DaemonSets (kube-proxy, kindnet: lazy entries of
//   ../apiserver/published): a node without a Pod of the DaemonSet gets one made from the
//   template (pkg/controller/daemon/daemon_controller.go manage → podsShouldBeOnNode: a Pod still
//   terminating counts as present, so the replacement comes once it is gone; CreatePodTemplate:
//   the template, the controller-revision-hash and pod-template-generation labels, the node's
//   matchFields affinity and AddOrUpdateDaemonPodTolerations), and the status is recomputed from
//   the Pods as storeDaemonSetStatus does and written when it changed; their ControllerRevisions
//   are lazy entries too (../apiserver/system-pods), which a sync here never rewrites;
// - a Node added, or its labels or taints changed, queues the DaemonSets whose placement on it
//   changes (./daemonset-node-events: addNode, updateNode);
// - root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go): a
//   deleted kube-root-ca.crt is published again in its namespace;
// - the serviceaccounts controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
//   a deleted `default` ServiceAccount is created again.
// Neither acts in a namespace that is gone or terminating (both skip a namespace with a
// deletionTimestamp). The re-created object is a new one: new uid, created now.
import { controllerRef } from '../api/owners';
import type { K8sObject, Node, Pod } from '../api/types';
import { Published } from '../apiserver/published';
import type { ApiServer } from '../apiserver/server';
import { rfc3339 } from '../runtime/clock';
import { type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';
import { syncUserDaemonSet } from './daemonset-controller';
import { daemonSetNodeKeys } from './daemonset-node-events';
import { podsByNode } from './daemonset-nodes';
import { DAEMON_TOLERATIONS } from './daemonset-tolerations';
import { jobKeys, jobPodKeys, jobSync } from './job-controller';
import { statefulSetKeys, statefulSetSync } from './statefulset-controller';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

/** A published object made again by its controller: created at `at` (its uid seeded from it). */
export class Republished extends Published {
  constructor(
    name: string,
    ns: K8sObject,
    api: ApiServer,
    x: Any,
    readonly at: string,
  ) {
    super(name, ns, api, x);
  }
}

const SOURCE = { component: 'daemonset-controller' };

const REPUBLISHED: Record<string, string> = { ConfigMap: 'kube-root-ca.crt', ServiceAccount: 'default' };

export function publisherKeys(ev: WatchEvent, api: ApiServer): string[] {
  // A Node added or relabelled/retainted: the DaemonSets whose placement on it changes.
  if (ev.kind === 'Node') return daemonSetNodeKeys(api, ev);
  // A Pod: its controller's key, if a StatefulSet's, a Job's or a DaemonSet's, as below, with
  // its controller reference found once (every Pod write is asked here); the general path
  // (SimClusterOptions.generalPaths) asks each in turn.
  if (ev.kind === 'Pod' && !api.general) return podControllerKeys(ev.view);
  // A user's StatefulSet and its Pods (./statefulset-controller).
  const sts = statefulSetKeys(ev);
  if (sts) return sts;
  // A user's Job and its Pods (./job-controller).
  const job = jobKeys(ev);
  if (job) return job;
  const o = ev.view;
  const m = o.metadata;
  if (o.kind === 'Pod') {
    const ref = controllerRef(o);
    return ref?.kind === 'DaemonSet' ? [`DaemonSet/${m.namespace}/${ref.name}`] : NO_KEYS;
  }
  // A user's DaemonSet written or deleted (./daemonset-controller; a deleted one has nothing left
  // to do, but its key is harmless).
  if (o.kind === 'DaemonSet') return [`DaemonSet/${m.namespace}/${m.name}`];
  return ev.type === 'DELETED' && REPUBLISHED[o.kind] === m.name
    ? [`${o.kind}/${m.namespace}/${m.name}`]
    : [];
}

/** publisherKeys of a Pod: statefulSetKeys's, jobKeys's or the DaemonSet's key below, by its controller. */
function podControllerKeys(o: K8sObject): string[] {
  const ref = controllerRef(o);
  if (ref === undefined) return NO_KEYS;
  const kind = ref.kind;
  if (kind === 'StatefulSet') return [`StatefulSet/${o.metadata.namespace}/${ref.name}`];
  if (kind === 'Job') return jobPodKeys(o.metadata, ref.name);
  if (kind === 'DaemonSet') return [`DaemonSet/${o.metadata.namespace}/${ref.name}`];
  return NO_KEYS;
}

export function publisherSync(api: ApiServer, key: string, ctx: ControllerContext): void {
  if (key.startsWith('StatefulSet/')) {
    statefulSetSync(api, key, ctx);
    return;
  }
  if (key.startsWith('Job')) {
    jobSync(api, key, ctx);
    return;
  }
  const [kind, ns, name] = key.split('/') as ['DaemonSet' | 'ConfigMap' | 'ServiceAccount', string, string];
  const e = api.store.entry(kind, ns, name);
  if (kind === 'DaemonSet') {
    if (e instanceof Published) syncDaemonSet(api, e, ctx);
    else if (e) syncUserDaemonSet(api, e.object(), key, ctx);
    return;
  }
  const nsObj = api.store.get('Namespace', '', ns);
  if (e !== undefined || !nsObj || nsObj.metadata.deletionTimestamp) return;
  api.store.addLazy(kind, ns, new Republished(name, nsObj, api, undefined, rfc3339(ctx.clock.now())));
}

const ready = (p: Pod) =>
  p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/**
 * storeDaemonSetStatus for a DaemonSet that should run on every node (the boot ones tolerate
 * every taint and select no nodes): per node, its oldest Pod decides ready, available
 * (minReadySeconds 0) and updated (pod-template-generation 1).
 */
export function daemonSetStatus(api: ApiServer, uid: string): Any {
  const byNode = podsByNode(api, uid);
  let desired = 0;
  let current = 0;
  let readyN = 0;
  let updated = 0;
  for (const n of api.store.byNamespace('Node', '') as Iterable<Node>) {
    desired++;
    const pods = byNode.get(n.metadata.name);
    if (!pods) continue;
    current++;
    const p = [...pods].sort((a, b) =>
      a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1,
    )[0] as Pod;
    if (ready(p)) readyN++;
    if (p.metadata.labels?.['pod-template-generation'] === '1') updated++;
  }
  const st: Any = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    numberAvailable: readyN,
    numberMisscheduled: 0,
    numberReady: readyN,
    observedGeneration: 1,
    updatedNumberScheduled: updated,
  };
  if (readyN === 0) delete st.numberAvailable;
  if (updated === 0) delete st.updatedNumberScheduled;
  if (desired - readyN > 0) st.numberUnavailable = desired - readyN;
  return st;
}

/** The DaemonSet's template (published-build.ts) with what CreatePodTemplate adds for `node`. */
function daemonPod(ds: Any, firstPod: Any, node: string): K8sObject {
  const t = ds.spec.template;
  const spec = structuredClone(t.spec);
  spec.affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
  spec.tolerations = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS.slice(0, spec.hostNetwork ? 7 : 6)];
  delete spec.serviceAccount;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: {
        ...t.metadata.labels,
        'controller-revision-hash': firstPod.labels['controller-revision-hash'],
        'pod-template-generation': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds.metadata.name,
          uid: ds.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  } as unknown as K8sObject;
}

function syncDaemonSet(api: ApiServer, e: Published, ctx: ControllerContext): void {
  const ds = e.object() as Any;
  const byNode = podsByNode(api, ds.metadata.uid);
  // k3s's svclb DaemonSets: ../controllers/servicelb makes their Pods (and keeps them Pending
  // where the node's ports are taken); only the status is this controller's.
  if (e.x[0].kind !== 'Service')
    for (const n of api.store.byNamespace('Node', '') as Iterable<Node>)
      if (!byNode.has(n.metadata.name)) {
        // RealPodControl.CreatePods records the create on the DaemonSet (controller_utils.go).
        const r = ctx.api.create(daemonPod(ds, e.x[0], n.metadata.name));
        if (r.ok)
          ctx.events.record(
            ds,
            'Normal',
            'SuccessfulCreate',
            `Created pod: ${r.object.metadata.name}`,
            SOURCE,
          );
        else ctx.events.record(ds, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
      }
  const st = daemonSetStatus(api, ds.metadata.uid);
  if (JSON.stringify(st) !== JSON.stringify(ds.status)) {
    (e as Any).st = st;
    api.store.touchLazy('DaemonSet', ds.metadata.namespace, e);
    // Unchanged: the status read is the entry's from now on (before its first sync a read builds it
    // live and keeps nothing, ../apiserver/published-build liveStatus).
  } else (e as Any).st = ds.status;
}
