// The bridge to what runs inside containers (src/sim/workloads): the in-Pod command table with
// this package's BusyBox shell injected (src/sim never imports src/kubectl at runtime).
import type { Cluster, ObjectKey } from '../../sim/contract';
import {
  type ExecLookup,
  lookupExec,
  podCommands,
  podLogs,
  podShellCommands,
} from '../../sim/workloads/index';
import { provideContainerShell } from '../../sim/workloads/oneshot';
import type { WorkloadDeps } from '../../sim/workloads/proc';
import { runScript } from '../shell/exec';
import type { CommandTable } from '../shell/types';

/** `ping` without -c inside a non-interactive exec stops after this many packets (no Ctrl-C to send). */
export const WORKLOAD_DEPS: WorkloadDeps = { runScript, maxUnboundedPackets: 30 };

// A container's own process (`command: [sh, -c, …]`, run by the kubelet) gets the same shell.
provideContainerShell(runScript);

export function podShellTable(cluster: Cluster, podKey: ObjectKey, container?: string): CommandTable {
  return podCommands(cluster, podKey, WORKLOAD_DEPS, container);
}

/**
 * The table for `kubectl exec -it POD -- sh`: the shell is a process exec'd into the container
 * (it has its own PID for the session and `ps` lists it), and each line's commands are its children.
 */
export function execShellTable(
  cluster: Cluster,
  podKey: ObjectKey,
  shellArgv: string[],
  container?: string,
): CommandTable {
  return podShellCommands(cluster, podKey, shellArgv, WORKLOAD_DEPS, container);
}

export function findExecutable(
  cluster: Cluster,
  podKey: ObjectKey,
  command: string,
  container?: string,
): ExecLookup {
  return lookupExec(cluster, podKey, command, WORKLOAD_DEPS, container);
}

export function logsOf(cluster: Cluster, podKey: ObjectKey, container?: string): string[] {
  return podLogs(cluster, podKey, container);
}
