// Probes through the real cluster and kubectl: readiness gating the Endpoints, liveness restarts,
// startup holding the others, exec through the in-Pod command table, the Events word for word.
import { describe, expect, it } from 'vitest';
import { createTerminalSession } from '../../kubectl/session';
import { runScript } from '../../kubectl/shell/exec';
import type { Container, ContainerStatus, Endpoints, Pod, Probe } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { provideContainerShell } from '../workloads/oneshot';

provideContainerShell(runScript);

function run(c: SimCluster, name: string, container: Partial<Container>, restartPolicy?: string): void {
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: {
      ...(restartPolicy ? { restartPolicy } : {}),
      containers: [{ name: 'web', image: 'nginx:alpine', ...container }],
    },
  } as unknown as Pod);
  if (!r.ok) throw new Error(r.error.message);
}

function service(c: SimCluster, name: string, port = 80): void {
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port, targetPort: port }] },
  } as never);
  if (!r.ok) throw new Error(r.error.message);
}

const pod = (c: SimCluster, name: string) => c.get('Pod', 'default', name) as Pod;
const status = (c: SimCluster, name: string) => pod(c, name).status.containerStatuses?.[0] as ContainerStatus;
const cond = (p: Pod, type: string) => p.status.conditions?.find((x) => x.type === type);
const events = (c: SimCluster, name: string) =>
  c
    .list('Event', { namespace: 'default' })
    .map(
      (e) =>
        e as unknown as {
          type: string;
          reason: string;
          message: string;
          count: number;
          involvedObject: { name: string };
        },
    )
    .filter((e) => e.involvedObject.name === name);
const endpoints = (c: SimCluster, name: string) => c.get('Endpoints', 'default', name) as Endpoints;

const http = (path: string, port: number | string = 80, extra: Partial<Probe> = {}): Probe => ({
  httpGet: { path, port },
  ...extra,
});

describe('readiness probe', () => {
  it('httpGet to a path nginx does not serve: never ready, in notReadyAddresses, Unhealthy 404', () => {
    const c = createCluster({ seed: 5 });
    service(c, 'web');
    run(c, 'web', { readinessProbe: http('/missing') });
    c.advance(60_000);
    const p = pod(c, 'web');
    expect(p.status.phase).toBe('Running');
    expect(status(c, 'web')).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(cond(p, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
    const ep = endpoints(c, 'web');
    console.log(
      JSON.stringify(ep.subsets),
      events(c, 'web').map((e) => `${e.type} ${e.reason} ${e.message} x${e.count}`),
    );
  });
});
