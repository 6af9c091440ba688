// Test-only manifests derived from the playground's own chapter files (src/scenarios/ch03); each
// `.replace` is a deliberate difference from what a student applies.
import { web } from '../../scenarios/ch03/numbers';

/** numbers-web's Deployment renamed `web` (name, selector, Pod label) and scaled to 3 replicas. */
export const WEB_X3 = web
  .replaceAll(': numbers-web', ': web')
  .replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:');

/**
 * A Deployment `name` with one container, whose Pods carry the label `app: <name>`, as the tests
 * write them by hand (`replicas` left to the default when not given; `labels` and `annotations`
 * go on the Deployment's own metadata, one `key: value` line each).
 */
export function deploymentYaml(
  name: string,
  container: { name: string; image: string },
  opts: {
    replicas?: number;
    minReadySeconds?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): string {
  const map = (key: string, m: Record<string, string> | undefined) =>
    m
      ? `  ${key}:\n${Object.entries(m)
          .map(([k, v]) => `    ${k}: ${v}\n`)
          .join('')}`
      : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${map('labels', opts.labels)}${map('annotations', opts.annotations)}spec:
${opts.replicas === undefined ? '' : `  replicas: ${opts.replicas}\n`}${
  opts.minReadySeconds === undefined ? '' : `  minReadySeconds: ${opts.minReadySeconds}\n`
}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${container.name}
          image: ${container.image}
`;
}

/** nginx 1.27 as a Deployment `web` (container `nginx`). */
export const NGINX_WEB = deploymentYaml('web', { name: 'nginx', image: 'nginx:1.27' });

/** A kiamol/ch03-sleep Pod manifest; `spec` is extra spec lines, each indented two spaces. */
export const sleepPodYaml = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

/** A ClusterIP Service `web` (port 80, selector app=web) in default. */
export const WEB_SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

/** Each non-empty line of `s` prefixed with `by`. */
export const indentLines = (s: string, by: string) =>
  s
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/**
 * A Deployment `name` (label app=<name>) of one kiamol/ch03-sleep container; `spec` is extra
 * Pod-spec lines indented as in a Pod (two spaces), moved under the template here.
 */
export const sleepDeploymentYaml = (name: string, spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${indentLines(spec, '    ')}      containers:
      - name: c
        image: kiamol/ch03-sleep
`;

/** The ConfigMap `app-config` with `greeting: hello`, then `data` (more data lines, indented two spaces). */
export const appConfigYaml = (data = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: hello
${data}`;

/**
 * A PersistentVolumeClaim `name` for 100Mi, ReadWriteOnce (no trailing newline); `extra` is
 * more spec lines after the access modes, each starting with its newline.
 */
export const claimYaml = (name: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]${extra}
  resources:
    requests:
      storage: 100Mi`;

/**
 * A Job `name` of one busybox container `main`, restartPolicy Never; `spec` is extra Job spec
 * lines (indented two spaces, each ending in a newline), `command` the container's command as
 * YAML (`shCommand(script)` for a shell script).
 */
export const busyboxJobYaml = (name: string, spec: string, command: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ${command}
`;

/** `["sh", "-c", <script>]` as YAML. */
export const shCommand = (script: string) => `["sh", "-c", ${JSON.stringify(script)}]`;
