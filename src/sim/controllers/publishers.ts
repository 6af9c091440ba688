// kube-controller-manager's controllers that keep what ../apiserver/published publishes in place:
// the DaemonSet controller of the boot DaemonSets, root-ca-cert-publisher and the serviceaccounts
// controller. On the boot path, so only the hook: the work is bound late (./daemonset-sync), and
// nothing reaches it before the late parts load (the boot's Pods are written running; a delete
// comes from kubectl, which loads them). Node events feed the node lifecycle controller's NoSchedule
// tainting (./node-taints) and the DaemonSet controller (./daemonset-node-events): a Node changes
// only by a user's action. Claims and volumes feed the PV
// controller (./pv-controller): only a user's objects create them. PodDisruptionBudgets feed the
// disruption controller (./disruption), likewise.
import type { ApiServer } from '../apiserver/server';
import { late, latePartsLoaded } from '../late';
import type { Controller } from '../runtime/interfaces';

export const createPublishersController = (api: ApiServer): Controller => ({
  name: 'publishers',
  watches: [
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
  ],
  keysFor: (ev) => (latePartsLoaded() ? late().publisherKeys(ev, api) : []),
  reconcile: (key, ctx) => late().publisherSync(api, key, ctx),
});
