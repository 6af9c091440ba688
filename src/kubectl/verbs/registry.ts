// The shape of one kubectl verb (STYLE habit 6: one verb per file behind a registry, with
// kubectl's Complete / Validate / Run split into `flags` (parsed by ../flags), and `run`).
import type { Cluster } from '../../sim/contract';
import type { FlagDef, FlagValue } from '../flags';
import type { ProcContext } from '../shell/types';
import type { Kubeconfig } from './config-model';

/** A command that keeps running after it printed its first lines (port-forward, get -w). */
export interface JobHandle {
  readonly id: number;
  /** The process id the shell reported (`[1] 4211`); klog lines carry it. */
  readonly pid?: number;
  out(text: string): void;
  err(text: string): void;
  /** End the job with an exit code (the forward broke, the watch ended). */
  finish(code: number): void;
  readonly done: boolean;
}

export interface JobSpec {
  /** Called on Ctrl-C (`INT`) or `kill %N` (`TERM`); the job must call `h.finish(code)`. */
  onSignal(signal: 'INT' | 'TERM', h: JobHandle): void;
  /** Cleanup that runs once, whatever ended the job. */
  onEnd?(): void;
  /**
   * Called when the terminal looks for news (`poll()`, after `run()`/`browse()`): for jobs whose
   * source is not a cluster object (`logs -f` follows a container's output).
   */
  onTick?(h: JobHandle): void;
}

/** Host-side services a verb may need; absent when kubectl runs without a terminal session. */
export interface KubectlHost {
  /** Read a file relative to the cwd; undefined if it does not exist. */
  readFile(path: string): string | undefined;
  /** `file` / `dir` / undefined. */
  stat(path: string): 'file' | 'dir' | undefined;
  /** Directory entries (names only, sorted lexically). */
  readDir(path: string): string[];
  /**
   * Turn the running command into a job that outlives this call. Returns a handle the job writes
   * through. While a foreground job runs the terminal shows no prompt (Ctrl-C ends it).
   */
  startJob(spec: JobSpec): JobHandle;
  /** Port-forward registry (host localhost ports). */
  forwards: PortForwardRegistry;
  /**
   * The terminal's kubeconfig (`kubectl config …` reads and changes it; its current context's
   * namespace is every later command's default namespace). Absent: the profile's default, unchanged.
   */
  kubeconfig?: Kubeconfig;
  /** Open an interactive shell in a container (`kubectl exec -it … sh`); it becomes the foreground job. */
  openPodShell?(podKey: string, container: string, command: string[], opts?: PodShellOptions): JobHandle;
  /**
   * `kubectl edit`'s editor ($KUBE_EDITOR, $EDITOR, else vi): write `text` to the new file `path`,
   * show it to the student, and call `done` once with the file's text when they leave the editor
   * (at once for a scripted editor). Absent: there is no editor to run.
   */
  editFile?(path: string, text: string, done: (text: string) => void): void;
  /** Remove a file kubectl made (`kubectl edit`'s temp file after a finished edit). */
  removeFile?(path: string): void;
  /** Write a text file relative to the cwd, its parent directory existing (`kubectl cp` from a container). */
  writeFile?(path: string, text: string): void;
  /** Create one directory relative to the cwd, its parent existing (`kubectl cp`'s os.MkdirAll). */
  mkdir?(path: string): void;
}

export interface PodShellOptions {
  /**
   * The shell's `exit N` ends the session (kubectl run -it attached to the container's shell):
   * called instead of exec's `command terminated with exit code N`; what it writes through `h`
   * follows the session and its return value is the command's exit code.
   */
  onExit?(code: number, h: JobHandle): number;
  /**
   * The shell is the container's own process (attach), not a process exec'd into it: the lines
   * typed are its children, and no new shell process is started for the session.
   */
  attached?: boolean;
}

export interface PortForward {
  localPort: number;
  podKey: string;
  podPort: number;
  /** Print `Handling connection for N` through the owning job. */
  onConnection(): void;
  /**
   * The kubelet could not dial the Pod port (nothing listens): kubectl logs the error and the
   * forward ends with `error: lost connection to pod`.
   */
  onConnectionFailed?(): void;
}

export interface PortForwardRegistry {
  get(localPort: number): PortForward | undefined;
  add(f: PortForward): void;
  remove(localPort: number): void;
  list(): PortForward[];
}

export interface KubectlContext {
  cluster: Cluster;
  /** `-n/--namespace`, else the current context's namespace, else `default`. */
  namespace: string;
  namespaceExplicit: boolean;
  proc: ProcContext;
  host: KubectlHost | undefined;
}

export interface ParsedArgs {
  flags: Record<string, FlagValue>;
  positional: string[];
  dashArgs: string[] | undefined;
}

export interface KubectlVerb {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  short: string;
  /** Full `kubectl <verb> --help` text (kubectl's layout, our supported flags). */
  help: string;
  /** The verb's own flags; the global `-n/--namespace` and `-h/--help` are added by the dispatcher. */
  flags: FlagDef[];
  /**
   * The verb parses its own flags: `run` gets every argument after the verb word (global flags
   * included) in `positional` (`config set-context --namespace` is its own flag, not the global one).
   */
  rawArgs?: boolean;
  run(args: ParsedArgs, ctx: KubectlContext): number;
}

// ------------------------------------------------------------------ the registry
// Verbs are added here as they land (the read verbs — get, describe, explain, events — are
// registered by their owner's files through `registerVerb`, so this file never imports a
// verb that does not exist yet).

const verbs = new Map<string, KubectlVerb>();

export function registerVerb(v: KubectlVerb): void {
  verbs.set(v.name, v);
  for (const a of v.aliases ?? []) verbs.set(a, v);
}

export function findVerb(name: string): KubectlVerb | undefined {
  return verbs.get(name);
}

/** Distinct verbs in registration order. */
export function allVerbs(): KubectlVerb[] {
  return [...new Set(verbs.values())];
}

// Registration order is the order `kubectl --help` would list them in within a group.
import { annotateVerb } from './annotate';
import { apiResourcesVerb } from './api-resources';
import { apiVersionsVerb } from './api-versions';
import { applyVerb } from './apply';
import { attachVerb } from './attach';
import { clusterInfoVerb } from './cluster-info';
import { configVerb } from './config';
import { cordonVerb, uncordonVerb } from './cordon';
import { cpVerb } from './cp';
import { createVerb } from './create';
import { debugVerb } from './debug';
import { deleteVerb } from './delete';
import { describeVerb } from './describe';
import { diffVerb } from './diff';
import { drainVerb } from './drain';
import { editVerb } from './edit';
import { eventsVerb } from './events';
import { execVerb } from './exec';
import { explainVerb } from './explain';
import { exposeVerb } from './expose';
import { getVerb } from './get';
import { labelVerb } from './label';
import { logsVerb } from './logs';
import { optionsVerb } from './options';
import { patchVerb } from './patch';
import { portForwardVerb } from './port-forward';
import { replaceVerb } from './replace';
import { rolloutVerb } from './rollout';
import { runVerb } from './run';
import { scaleVerb } from './scale';
import { setVerb } from './set';
import { taintVerb } from './taint';
import { topVerb } from './top';
import { versionVerb } from './version';
import { waitVerb } from './wait';

for (const v of [
  createVerb,
  exposeVerb,
  runVerb,
  setVerb,
  explainVerb,
  getVerb,
  editVerb,
  deleteVerb,
  rolloutVerb,
  scaleVerb,
  clusterInfoVerb,
  topVerb,
  cordonVerb,
  uncordonVerb,
  drainVerb,
  taintVerb,
  describeVerb,
  logsVerb,
  attachVerb,
  execVerb,
  portForwardVerb,
  cpVerb,
  debugVerb,
  eventsVerb,
  diffVerb,
  applyVerb,
  patchVerb,
  replaceVerb,
  waitVerb,
  labelVerb,
  annotateVerb,
  apiResourcesVerb,
  apiVersionsVerb,
  configVerb,
  versionVerb,
  optionsVerb,
]) {
  registerVerb(v);
}
