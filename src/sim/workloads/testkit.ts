// Test-only helpers: a chapter-3 cluster and a way to run a command line inside a Pod the way
// `kubectl exec POD -- sh -c LINE` would, collecting streams, traces, exit code and elapsed time.
// Imported by *.test.ts files only (the shell comes from src/kubectl, which src/sim must not use).
import type { CommandTable, ProcContext } from '../../kubectl/shell/types';
import { api, apiServiceExternalName, apiServiceHeadless, web } from '../../scenarios/ch03/numbers';
import { sleep1, sleep2Service } from '../../scenarios/ch03/sleep';
import type { Pod } from '../api/types';
import type { Cluster, ClusterOptions, ObjectKey, Trace } from '../contract';
import { type Driver, drive } from '../testing/driver';
import { podCommands } from './commands';
import { httpRequest } from './http/client';
import type { HttpResult, PortForward } from './http/types';
import type { RunScript } from './proc';

// The chapter's manifests come from the playground's own copies (src/scenarios/ch03), so tests
// exercise exactly the YAML a student applies; a `.replace` marks each deliberate difference.

/** sleep-1's Deployment renamed (name, selector and Pod label all follow `name`). */
export const SLEEP = (name: string) => sleep1.replaceAll('sleep-1', name);

export const SLEEP2_SVC = sleep2Service;

export const NUMBERS_API = api;

export const NUMBERS_WEB = (image = 'kiamol/ch03-numbers-web') =>
  web.replace('kiamol/ch03-numbers-web', image);

export const API_SVC = `apiVersion: v1
kind: Service
metadata:
  name: numbers-api
spec:
  type: ClusterIP
  ports:
    - port: 80
  selector:
    app: numbers-api
`;

export const WEB_LB = `apiVersion: v1
kind: Service
metadata:
  name: numbers-web
spec:
  type: LoadBalancer
  ports:
    - port: 8080
      targetPort: 80
  selector:
    app: numbers-web
`;

export const API_EXTERNALNAME = apiServiceExternalName;

/** The chapter's selector-less numbers-api with its hand-written Endpoints (apiVersion first). */
export const API_SELECTORLESS = apiServiceHeadless.replace(
  'kind: Endpoints\napiVersion: v1',
  'apiVersion: v1\nkind: Endpoints',
);

/** sleep-1 with the numbers app's two Deployments, given a minute to pull images and start. */
export function numbersApp(opts: ClusterOptions, web = NUMBERS_WEB()): Driver {
  return drive(opts)
    .applyOk(`${SLEEP('sleep-1')}---\n${NUMBERS_API}---\n${web}`)
    .advance(60_000);
}

/**
 * Open numbers-web's page through a port-forward to `podKey` and press Go!, as the browser pane
 * does: a GET for the form, then a POST of its body.
 */
export function clickGo(
  c: Cluster,
  podKey = podKeyFor(c, 'numbers-web'),
): { get: HttpResult; post: HttpResult } {
  const portForwards: PortForward[] = [{ localPort: 8080, podKey, podPort: 80 }];
  const get = httpRequest(c, { source: { kind: 'host' }, url: 'http://localhost:8080/', portForwards });
  const post = httpRequest(c, {
    source: { kind: 'host' },
    url: 'http://localhost:8080/',
    method: 'POST',
    body: get.response?.page?.formBody ?? '',
    portForwards,
  });
  return { get, post };
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in write order. */
  all: string;
  exitCode: number;
  traces: Trace[];
  elapsedMs: number;
}

export function podKeyFor(cluster: Cluster, app: string): ObjectKey {
  const pod = (cluster.list('Pod', { namespace: 'default', labelSelector: `app=${app}` }) as Pod[]).find(
    (p) => !p.metadata.deletionTimestamp && p.status?.podIP,
  );
  if (!pod) throw new Error(`no running pod for app=${app}`);
  return `Pod/default/${pod.metadata.name}`;
}

/** Run `argv` (or `sh -c line` when given a string) inside the Pod, with `stdin` (`kubectl exec -i`). */
export function execIn(
  cluster: Cluster,
  podKey: ObjectKey,
  cmd: string | string[],
  runScript?: RunScript,
  stdin = '',
): ExecResult {
  const table: CommandTable = podCommands(cluster, podKey, runScript ? { runScript } : {});
  let stdout = '';
  let stderr = '';
  let all = '';
  const traces: Trace[] = [];
  const start = cluster.now();
  const ctx: ProcContext = {
    cluster,
    stdin,
    env: {},
    out: (t) => {
      stdout += t;
      all += t;
    },
    err: (t) => {
      stderr += t;
      all += t;
    },
    trace: (t) => traces.push(t),
    sleep: (ms) => cluster.advance(ms),
  };
  const argv = typeof cmd === 'string' ? ['sh', '-c', cmd] : cmd;
  const fn = table[argv[0] ?? ''];
  if (!fn) throw new Error(`not in the pod's table: ${argv[0]}`);
  const exitCode = fn(argv, ctx);
  return { stdout, stderr, all, exitCode, traces, elapsedMs: cluster.now() - start };
}
