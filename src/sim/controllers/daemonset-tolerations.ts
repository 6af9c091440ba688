// The tolerations the DaemonSet controller gives every Pod it creates (CreatePodTemplate →
// AddOrUpdateDaemonPodTolerations, pkg/controller/daemon/util/daemonset_util.go): node problems
// must not evict or keep off a node-level agent. On the boot path (the kube-proxy and kindnet
// Pods carry them: system-pods.ts), so kept to a few bytes.

/**
 * What AddOrUpdateDaemonPodTolerations appends, in its order, to a hostNetwork Pod's template
 * tolerations: node.kubernetes.io/not-ready and unreachable (NoExecute, no tolerationSeconds:
 * tolerated forever), disk-pressure, memory-pressure, pid-pressure, unschedulable and, for the
 * host network only, network-unavailable (NoSchedule). The first six alone for a Pod off the
 * host network (`.slice(0, 6)`). v1helper.AddOrUpdateTolerationInPodSpec would instead replace,
 * where it stands, a template toleration with the same key, operator, value and effect
 * (Toleration.MatchToleration); no simulated DaemonSet's template has one (kube-proxy and
 * kindnet state `operator: Exists` alone), so appending is the whole of it here.
 */
export const DAEMON_TOLERATIONS =
  'not-ready unreachable disk-pressure memory-pressure pid-pressure unschedulable network-unavailable'
    .split(' ')
    .map((t, i) => ({
      effect: i < 2 ? 'NoExecute' : 'NoSchedule',
      key: `node.kubernetes.io/${t}`,
      operator: 'Exists',
    }));
