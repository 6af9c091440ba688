// kube-controller-manager's controllers that keep what ../apiserver/published publishes in place:
// the DaemonSet controller of the boot DaemonSets, root-ca-cert-publisher and the serviceaccounts
// controller. On the boot path, so only the hook: the work is bound late (./daemonset-sync), and
// nothing reaches it before the late parts load (the boot's Pods are written running; a delete
// comes from kubectl, which loads them). Node events feed the node lifecycle controller's NoSchedule
// tainting (./node-taints) and the DaemonSet controller (./daemonset-node-events): a Node changes
// only by a user's action. Claims and volumes feed the PV
// controller (./pv-controller): only a user's objects create them. PodDisruptionBudgets feed the
// disruption controller (./disruption), likewise.
import type { KindName } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { late, latePartsLoaded } from '../late';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

const PUBLISHERS_WATCHES: readonly KindName[] = [
  'Pod',
  'ConfigMap',
  'ServiceAccount',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Node',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'PodDisruptionBudget',
];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor (asked about every Pod event) carry over to a fresh
 * cluster.
 */
class PublishersController implements Controller {
  readonly name = 'publishers';
  readonly watches: readonly KindName[] = PUBLISHERS_WATCHES;
  constructor(private readonly api: ApiServer) {}
  keysFor(ev: WatchEvent): string[] {
    return latePartsLoaded() ? late().publisherKeys(ev, this.api) : [];
  }
  reconcile(key: string, ctx: ControllerContext): void {
    late().publisherSync(this.api, key, ctx);
  }
}

export const createPublishersController = (api: ApiServer): Controller => new PublishersController(api);
