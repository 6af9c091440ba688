// The Pod `kubectl run` generates (the run-pod/v1 generator, BasicPod in kubectl 1.34
// pkg/generate/versioned/run.go). Keys are inserted in corev1 struct order (Pod, ObjectMeta,
// PodSpec, Container) so `-o json` of the client-side object reads as json.MarshalIndent writes
// it; empty fields are omitted as their `omitempty` tags say, while `resources: {}` and
// `status: {}` stay (structs are never empty to encoding/json). No creationTimestamp (omitzero
// in apimachinery v0.34).
import type { K8sObject } from '../../sim/api/types';
import { goAtoi, int32, parseLabelSpec, sortedMap } from './generate-service';

export interface PodParams {
  name: string;
  image: string;
  labels: string;
  /** --annotations, `key=value` each (cmdutil.ParsePairs). */
  annotations: string[];
  env: string[];
  port: string;
  restart: string;
  command: boolean;
  args: string[];
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  imagePullPolicy: string;
  privileged: boolean;
}

// validation.IsEnvVarName: the C-identifier-like pattern, and not `.`, `..` or a `..` prefix.
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** run.go parseEnvs: `NAME=value` each. */
export function parseEnvs(
  envs: readonly string[],
): { ok: true; env: { name: string; value?: string }[] } | { ok: false; message: string } {
  const out: { name: string; value?: string }[] = [];
  for (const e of envs) {
    const pos = e.indexOf('=');
    if (pos === -1) return { ok: false, message: `invalid env: ${e}` };
    const name = e.slice(0, pos);
    const value = e.slice(pos + 1);
    if (name.length === 0 || !ENV_NAME.test(name) || name === '.' || name.startsWith('..')) {
      return { ok: false, message: `invalid env: ${e}` };
    }
    out.push(value.length > 0 ? { name, value } : { name });
  }
  return { ok: true, env: out };
}

export function generatePod(p: PodParams): { ok: true; pod: K8sObject } | { ok: false; message: string } {
  const env = parseEnvs(p.env);
  if (!env.ok) return env;
  // cmdutil.ParsePairs(annotations, "annotations", false): every malformed pair is listed.
  const annotations: Record<string, string> = {};
  const invalid: string[] = [];
  for (const a of p.annotations) {
    const eq = a.indexOf('=');
    if (eq > 0) annotations[a.slice(0, eq)] = a.slice(eq + 1);
    else invalid.push(a);
  }
  if (invalid.length > 0) return { ok: false, message: `invalid annotations format: ${invalid.join(', ')}` };
  let labels: Record<string, string> = { run: p.name };
  if (p.labels.length > 0) {
    const l = parseLabelSpec(p.labels);
    if (!l.ok) return l;
    labels = l.labels;
  }
  let port: number | undefined;
  if (p.port.length > 0) {
    const a = goAtoi(p.port);
    if (!a.ok) return a;
    port = int32(a.n);
  }
  const hasArgs = p.args.length > 0;
  // corev1.Container field order: name, image, command, args, workingDir, ports, envFrom, env,
  // resources, …, imagePullPolicy, securityContext, stdin, stdinOnce, tty.
  const container: Record<string, unknown> = {
    name: p.name,
    image: p.image,
    command: hasArgs && p.command ? [...p.args] : undefined,
    args: hasArgs && !p.command ? [...p.args] : undefined,
    ports: port !== undefined ? [{ containerPort: port }] : undefined,
    env: env.env.length > 0 ? env.env : undefined,
    resources: {},
    imagePullPolicy: p.imagePullPolicy.length > 0 ? p.imagePullPolicy : undefined,
    securityContext: p.privileged ? { privileged: true } : undefined,
    stdin: p.stdin || undefined,
    stdinOnce: (!p.leaveStdinOpen && p.stdin) || undefined,
    tty: p.tty || undefined,
  };
  for (const k of Object.keys(container)) if (container[k] === undefined) delete container[k];
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: p.name,
      ...(Object.keys(labels).length > 0 ? { labels: sortedMap(labels) } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations: sortedMap(annotations) } : {}),
    },
    // PodSpec order: containers, restartPolicy, …, dnsPolicy.
    spec: {
      containers: [container],
      restartPolicy: p.restart.length > 0 ? p.restart : 'Always',
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
  return { ok: true, pod: pod as unknown as K8sObject };
}
