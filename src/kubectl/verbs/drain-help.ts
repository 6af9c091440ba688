// `kubectl cordon|uncordon|drain --help` [KUBECTL pkg/cmd/drain/drain.go v0.34.9: cordonLong,
// uncordonLong, drainLong and their examples, the flags each command adds]. drainLong is
// markdown: templates.LongDesc renders a link `[text](url)` as `url text url` and the image as
// `url alturl`, as `kubectl drain --help` prints them.
import { composeHelp, DRY_RUN_USAGE, type HelpFlag } from './generate-help';

/** cmdutil.AddLabelSelectorFlagVar (v0.34.9). */
const SELECTOR_FLAG: HelpFlag = {
  name: 'selector',
  short: 'l',
  def: "''",
  usage:
    "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
};

const DRY_RUN: HelpFlag = { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE };

export const CORDON_HELP = composeHelp({
  long: 'Mark node as unschedulable.',
  examples: '  # Mark node "foo" as unschedulable\n  kubectl cordon foo',
  flags: [DRY_RUN, SELECTOR_FLAG],
  usage: 'kubectl cordon NODE',
});

export const UNCORDON_HELP = composeHelp({
  long: 'Mark node as schedulable.',
  examples: '  # Mark node "foo" as schedulable\n  kubectl uncordon foo',
  flags: [DRY_RUN, SELECTOR_FLAG],
  usage: 'kubectl uncordon NODE',
});

const EVICTION = 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/';
const WORKFLOW = 'https://kubernetes.io/images/docs/kubectl_drain.svg';

export const DRAIN_HELP = composeHelp({
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports ${EVICTION} eviction ${EVICTION} . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

${WORKFLOW} Workflow${WORKFLOW}`,
  examples: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`,
  flags: [
    {
      name: 'chunk-size',
      def: '500',
      usage:
        'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
    },
    {
      name: 'delete-emptydir-data',
      def: 'false',
      usage:
        'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    {
      name: 'disable-eviction',
      def: 'false',
      usage:
        'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
    },
    DRY_RUN,
    {
      name: 'force',
      def: 'false',
      usage: 'Continue even if there are pods that do not declare a controller.',
    },
    {
      name: 'grace-period',
      def: '-1',
      usage:
        'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
    },
    { name: 'ignore-daemonsets', def: 'false', usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', def: "''", usage: 'Label selector to filter pods on the node' },
    SELECTOR_FLAG,
    {
      name: 'skip-wait-for-delete-timeout',
      def: '0',
      usage:
        'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
    },
    { name: 'timeout', def: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
  ],
  usage: 'kubectl drain NODE',
});
