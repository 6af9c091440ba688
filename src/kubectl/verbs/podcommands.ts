// The bridge to what runs inside containers (src/sim/workloads): the in-Pod command table with
// this package's BusyBox shell injected (src/sim never imports src/kubectl at runtime).
import type { Cluster, ObjectKey } from '../../sim/contract';
import { type ExecLookup, lookupExec, podCommands, podLogs } from '../../sim/workloads/index';
import type { WorkloadDeps } from '../../sim/workloads/proc';
import { runScript } from '../shell/exec';
import type { CommandTable } from '../shell/types';

/** `ping` without -c inside a non-interactive exec stops after this many packets (no Ctrl-C to send). */
export const WORKLOAD_DEPS: WorkloadDeps = { runScript, maxUnboundedPackets: 30 };

export function podShellTable(cluster: Cluster, podKey: ObjectKey, container?: string): CommandTable {
  return podCommands(cluster, podKey, WORKLOAD_DEPS, container);
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
