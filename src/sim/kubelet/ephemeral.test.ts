// The ephemeralcontainers subresource and the kubelet's ephemeral containers (ephemeral.ts,
// apiserver/ephemeral.ts): the patch adds only spec.ephemeralContainers (defaulted, generation
// bumped), the validation's refusals, then the kubelet's status (ContainerCreating, Running),
// Events on spec.ephemeralContainers{NAME}, a command that ends (Terminated, never restarted),
// an image that cannot be pulled (ErrImagePull, ImagePullBackOff), the attached shell's exit.
import { describe, expect, it } from 'vitest';
import type { Event, K8sObject } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { endAttachedProcess } from './ephemeral';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'web', image: 'kiamol/ch03-numbers-api' }] },
};

function running(seed = 1): SimCluster {
  const c = createCluster({ seed });
  const [r] = c.apply([POD]);
  expect(r?.result.ok).toBe(true);
  c.advance(20_000);
  expect((c.get('Pod', 'default', 'web') as Any).status.phase).toBe('Running');
  return c;
}

const ec = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    spec: {
      ephemeralContainers: [
        {
          image: 'busybox',
          name,
          resources: {},
          stdin: true,
          terminationMessagePolicy: 'File',
          tty: true,
          ...extra,
        },
      ],
    },
  });

const patch = (c: SimCluster, body: string) =>
  c.patch('Pod', 'default', 'web', 'strategic', body, { subresource: 'ephemeralcontainers' });

const ecStatus = (c: SimCluster, name: string): Any =>
  ((c.get('Pod', 'default', 'web') as Any).status.ephemeralContainerStatuses ?? []).find(
    (s: Any) => s.name === name,
  );

function events(c: SimCluster, path: string): string[] {
  return (c.list('Event', { namespace: 'default' }) as Event[])
    .filter((e) => (e as Any).involvedObject.fieldPath === path)
    .sort((a, b) => ((a as Any).firstTimestamp < (b as Any).firstTimestamp ? -1 : 1))
    .map((e) => `${(e as Any).type} ${(e as Any).reason} ${(e as Any).message}`);
}

describe('PATCH pods/NAME/ephemeralcontainers', () => {
  it('adds the defaulted container, bumps the generation, and drops every other change', () => {
    const c = running();
    const before = c.get('Pod', 'default', 'web') as K8sObject;
    const body = JSON.stringify({
      metadata: { labels: { x: 'y' } },
      spec: {
        activeDeadlineSeconds: 5,
        ephemeralContainers: [
          { image: 'busybox', name: 'dbg', stdin: true, terminationMessagePolicy: 'File' },
        ],
      },
    });
    const r = patch(c, body);
    expect(r.ok).toBe(true);
    const pod = c.get('Pod', 'default', 'web') as Any;
    expect(pod.metadata.labels).toEqual(before.metadata.labels);
    expect(pod.spec.activeDeadlineSeconds).toBeUndefined();
    expect(pod.metadata.generation).toBe((before.metadata.generation ?? 1) + 1);
    expect(pod.spec.ephemeralContainers).toEqual([
      {
        image: 'busybox',
        imagePullPolicy: 'Always',
        name: 'dbg',
        resources: {},
        stdin: true,
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ]);
  });

  it('refuses a name taken by a container, an unknown target, disallowed fields, a missing Pod', () => {
    const c = running();
    const dup = patch(c, ec('web'));
    expect(dup.ok || dup.error.message).toBe(
      'Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "web"',
    );
    const target = patch(c, ec('dbg', { targetContainerName: 'nope' }));
    expect(target.ok || target.error.message).toBe(
      'Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"',
    );
    const ports = patch(
      c,
      ec('dbg', { ports: [{ containerPort: 80 }], readinessProbe: { exec: { command: ['true'] } } }),
    );
    expect(ports.ok || ports.error.message).toBe(
      'Pod "web" is invalid: [spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container]',
    );
    const missing = c.patch('Pod', 'default', 'nope', 'strategic', ec('dbg'), {
      subresource: 'ephemeralcontainers',
    });
    expect(missing.ok || missing.error.message).toBe('pods "nope" not found');
    // An existing one may not be changed.
    expect(patch(c, ec('dbg')).ok).toBe(true);
    const changed = patch(c, ec('dbg', { image: 'alpine' }));
    expect(changed.ok || changed.error.message).toBe(
      'Pod "web" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be changed',
    );
    // The same container again changes nothing.
    const again = patch(c, ec('dbg'));
    expect(again.ok).toBe(true);
  });
});

describe('the kubelet runs ephemeral containers', () => {
  it('pulls, creates and starts the shell (Running), and its exit ends it for good', () => {
    const c = running();
    const t0 = c.now();
    expect(patch(c, ec('dbg')).ok).toBe(true);
    expect(ecStatus(c, 'dbg')).toEqual({
      name: 'dbg',
      image: 'busybox',
      imageID: '',
      ready: false,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
    });
    c.advance(5000);
    const s = ecStatus(c, 'dbg');
    expect(s.state.running.startedAt).toBeDefined();
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.image).toBe('docker.io/library/busybox:latest');
    expect(s.imageID).toMatch(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/);
    expect(s.ready).toBe(false);
    expect(s.started).toBeUndefined();
    const evs = events(c, 'spec.ephemeralContainers{dbg}');
    expect(evs[0]).toBe('Normal Pulling Pulling image "busybox"');
    expect(evs[1]).toMatch(
      /^Normal Pulled Successfully pulled image "busybox" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 2155884 bytes\.$/,
    );
    expect(evs.slice(2)).toEqual([
      'Normal Created Created container: dbg',
      'Normal Started Started container dbg',
    ]);
    // The Pod's own container is untouched; the Pod stays Running and Ready.
    const pod = c.get('Pod', 'default', 'web') as Any;
    expect(pod.status.containerStatuses[0].state.running).toBeDefined();
    expect(pod.status.conditions.find((x: Any) => x.type === 'Ready').status).toBe('True');
    expect(c.now() - t0).toBe(5000);
    endAttachedProcess(c, 'Pod/default/web', 'dbg', 3);
    c.runUntilIdle();
    const t = ecStatus(c, 'dbg');
    expect(t.state.terminated).toEqual({
      exitCode: 3,
      reason: 'Error',
      startedAt: s.state.running.startedAt,
      finishedAt: new Date(c.now()).toISOString().replace(/\.\d+Z$/, 'Z'),
      containerID: s.containerID,
    });
    c.advance(60_000);
    expect(ecStatus(c, 'dbg')).toEqual(t); // never restarted
  });

  it('a command that ends is Terminated with its exit code, never restarted', () => {
    const c = running();
    const once = { stdin: undefined, tty: undefined };
    expect(patch(c, ec('ok', { command: ['true'], ...once })).ok).toBe(true);
    expect(
      patch(
        c,
        `{"spec":{"ephemeralContainers":[{"name":"ko","image":"busybox","command":["false"],"terminationMessagePolicy":"File"}]}}`,
      ).ok,
    ).toBe(true);
    c.advance(5000);
    expect([ecStatus(c, 'ok').state.terminated.reason, ecStatus(c, 'ok').state.terminated.exitCode]).toEqual([
      'Completed',
      0,
    ]);
    const ko = ecStatus(c, 'ko');
    expect([ko.state.terminated.reason, ko.state.terminated.exitCode]).toEqual(['Error', 1]);
    c.advance(120_000);
    expect(ecStatus(c, 'ko')).toEqual(ko);
    expect(events(c, 'spec.ephemeralContainers{ko}').filter((e) => e.includes('Started'))).toHaveLength(1);
  });

  it('an image that does not exist waits in ErrImagePull, then ImagePullBackOff', () => {
    const c = running();
    expect(patch(c, ec('bad', { image: 'busybx' })).ok).toBe(true);
    c.advance(2000);
    const s = ecStatus(c, 'bad');
    expect(s.state.waiting.reason).toBe('ErrImagePull');
    expect(s.state.waiting.message).toContain(
      'failed to pull and unpack image "docker.io/library/busybx:latest"',
    );
    c.advance(1000);
    expect(ecStatus(c, 'bad').state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "busybx": ErrImagePull: ${s.state.waiting.message}`,
    });
    expect(events(c, 'spec.ephemeralContainers{bad}').map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual(
      ['Normal Pulling', 'Warning Failed', 'Warning Failed', 'Normal BackOff', 'Warning Failed'],
    );
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const c = running(7);
      patch(c, ec('dbg'));
      c.advance(5000);
      return JSON.stringify(ecStatus(c, 'dbg'));
    };
    expect(run()).toBe(run());
  });
});

describe('a Pod deleted with a running ephemeral container', () => {
  it('records Killing on it, after the Pod container’s own', () => {
    const c = running();
    patch(c, ec('dbg'));
    c.advance(5000);
    c.delete('Pod', 'default', 'web');
    const kills = (c.list('Event', { namespace: 'default' }) as Event[])
      .filter((e) => (e as Any).reason === 'Killing')
      .map((e) => `${(e as Any).involvedObject.fieldPath} ${(e as Any).message}`);
    expect(kills).toEqual([
      'spec.containers{web} Stopping container web',
      'spec.ephemeralContainers{dbg} Stopping container dbg',
    ]);
    c.advance(60_000);
    expect(c.get('Pod', 'default', 'web')).toBeUndefined();
  });
});

describe('ephemeral container validation reuses the Pod checks', () => {
  it('env names, volume mounts of unknown volumes', () => {
    const c = running();
    const r = patch(c, ec('dbg', { env: [{ name: '' }], volumeMounts: [{ name: 'nope', mountPath: '/x' }] }));
    expect(r.ok || r.error.message).toBe(
      'Pod "web" is invalid: [spec.ephemeralContainers[0].env[0].name: Required value, spec.ephemeralContainers[0].volumeMounts[0].name: Not found: "nope"]',
    );
  });
});
