// `kubectl run -i/-t/--attach`: what run.go does once the Pod exists (handleAttachPod, attach.go
// Run, removeCreatedObjects for --rm).
import type { K8sObject } from '../../sim/api/types';
import type { HelpFlag } from './generate-help';
import type { KubectlContext } from './registry';

export const RUN_ATTACH_FLAGS_HELP: HelpFlag[] = [
  {
    name: 'attach',
    def: 'false',
    usage:
      "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
  },
  {
    name: 'leave-stdin-open',
    def: 'false',
    usage:
      'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.',
  },
  {
    name: 'pod-running-timeout',
    def: '1m0s',
    usage:
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  },
  { name: 'quiet', short: 'q', def: 'false', usage: 'If true, suppress prompt messages.' },
  {
    name: 'rm',
    def: 'false',
    usage:
      "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
  },
  {
    name: 'stdin',
    short: 'i',
    def: 'false',
    usage: 'Keep stdin open on the container in the pod, even if nothing is attached.',
  },
  { name: 'tty', short: 't', def: 'false', usage: 'Allocate a TTY for the container in the pod.' },
];

export interface AttachRequest {
  pod: K8sObject;
  service: K8sObject | undefined;
  remove: boolean;
  quiet: boolean;
  timeoutMs: number;
  /** Errors run.go holds until it returns (a failed --expose). */
  pendingErrors: string[];
}

/** Whether this playground can attach to the Pod run.go is about to create (checked before it is). */
export function attachProblem(_ctx: KubectlContext, _pod: K8sObject): string | undefined {
  return 'error: "kubectl run" with -i/-t/--attach is not available in this playground\n';
}

export function attachToRunPod(ctx: KubectlContext, _req: AttachRequest): number {
  ctx.proc.err('error: attaching with "kubectl run" is not available in this playground\n');
  return 1;
}
