// `kubectl get -w` in a terminal session on the simulated cluster: one row per write the API
// server makes (watch event), in order, with simulated time advancing between the polls.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { createTerminalSession, type TerminalResult } from '../session';

const text = (r: TerminalResult) =>
  r.output.map((c) => (c.stream === 'stderr' ? `[err]${c.text}` : c.text)).join('');

function session(seed = 7) {
  const cluster = createCluster({ seed });
  const s = createTerminalSession({ cluster });
  const poll = () =>
    s
      .poll()
      .map((c) => c.text)
      .join('');
  return { cluster, s, poll };
}

/** sleep-1 applied and Running for 30 s (its Pod is sleep-1-5794978fd6-qpws9 with seed 7). */
function sleeping() {
  const x = session();
  x.s.run('kubectl apply -f sleep/sleep1.yaml');
  x.cluster.advance(30_000);
  return x;
}

describe('get pods -w: one row per write', () => {
  it("a new Pod: created, scheduled, the kubelet's first status, sandbox ready, Running", () => {
    const { cluster, s, poll } = session();
    // No Pods yet: a table without rows prints nothing, not even its header (printTable).
    const w = s.run('kubectl get pods -w');
    expect(text(w)).toBe('');
    expect(w.busy).toBe(true);
    // The apply's writes are delivered once it settles: the ReplicaSet controller's create
    // (no node), the scheduler's binding (nodeName set), the kubelet's first status write.
    expect(text(s.runDetached('kubectl apply -f sleep/sleep1.yaml'))).toBe(
      'NAME                       READY   STATUS    RESTARTS   AGE\n' +
        'sleep-1-5794978fd6-qpws9   0/1     Pending   0          0s\n' +
        'sleep-1-5794978fd6-qpws9   0/1     Pending   0          0s\n' +
        // The wider cell widens its column from here on; rows already printed stay as they were.
        'sleep-1-5794978fd6-qpws9   0/1     ContainerCreating   0          0s\n' +
        'deployment.apps/sleep-1 created\n',
    );
    cluster.advance(10_000);
    // The sandbox is ready (PodReadyToStartContainers, podIP) while the image is pulled, then the
    // container runs: its AGE is the simulated time of that write, not of the poll.
    expect(poll()).toBe(
      'sleep-1-5794978fd6-qpws9   0/1     ContainerCreating   0          0s\n' +
        'sleep-1-5794978fd6-qpws9   1/1     Running             0          3s\n',
    );
    cluster.advance(60_000);
    expect(poll()).toBe('');
  });

  it('a rolling update: the new Pod comes up, then the old one terminates and goes', () => {
    const { cluster, s, poll } = sleeping();
    expect(text(s.run('kubectl get pods -w'))).toBe(
      'NAME                       READY   STATUS    RESTARTS   AGE\n' +
        'sleep-1-5794978fd6-qpws9   1/1     Running   0          30s\n',
    );
    expect(text(s.runDetached('kubectl set env deploy/sleep-1 A=1'))).toBe(
      'sleep-1-7b48b6bb7b-5stbc   0/1     Pending   0          0s\n' +
        'sleep-1-7b48b6bb7b-5stbc   0/1     Pending   0          0s\n' +
        'sleep-1-7b48b6bb7b-5stbc   0/1     ContainerCreating   0          0s\n' +
        'deployment.apps/sleep-1 env updated\n',
    );
    cluster.advance(60_000);
    // maxSurge 1 / maxUnavailable 0: the old Pod is deleted only once the new one is available.
    // Once its container has stopped on SIGTERM (the sleep image's trapping shell exits 143) the
    // kubelet writes the terminal status (SyncTerminatingPod: phase Failed, so no longer
    // Terminating: printPod shows the container's reason, Error), then the status manager deletes
    // it: the DELETED event's object is that last state.
    expect(poll()).toBe(
      'sleep-1-7b48b6bb7b-5stbc   0/1     ContainerCreating   0          0s\n' +
        'sleep-1-7b48b6bb7b-5stbc   1/1     Running             0          1s\n' +
        'sleep-1-5794978fd6-qpws9   1/1     Terminating         0          31s\n' +
        'sleep-1-5794978fd6-qpws9   0/1     Error               0          32s\n' +
        'sleep-1-5794978fd6-qpws9   0/1     Error               0          32s\n',
    );
  });

  it("a deleted Pod's final row is the DELETED event's object, as printPod shows it", () => {
    const { cluster, s, poll } = sleeping();
    s.run('kubectl get pod sleep-1-5794978fd6-qpws9 -w --output-watch-events');
    expect(
      text(s.runDetached('kubectl delete pod sleep-1-5794978fd6-qpws9 --wait=false')).split('\n')[0],
    ).toBe('MODIFIED   sleep-1-5794978fd6-qpws9   1/1     Terminating   0          30s');
    cluster.advance(60_000);
    // printPod: Terminating while deletionTimestamp is set and the phase is not terminal. The
    // kubelet writes the stopped container (the sleep image exits 143 on SIGTERM: Error, 0/1) with
    // the terminal phase (1.27+ getPhase with podIsTerminal: Failed) before the status manager
    // deletes the Pod, so both last rows show 0/1 Error.
    expect(poll()).toBe(
      'MODIFIED   sleep-1-5794978fd6-qpws9   0/1     Error         0          30s\n' +
        'DELETED    sleep-1-5794978fd6-qpws9   0/1     Error         0          31s\n',
    );
    const last = cluster.get('Pod', 'default', 'sleep-1-5794978fd6-qpws9');
    expect(last).toBeUndefined();
  });

  it('--watch-only: no initial list; the header comes with the first event', () => {
    const { cluster, s, poll } = sleeping();
    expect(text(s.run('kubectl get deploy --watch-only'))).toBe('');
    expect(text(s.runDetached('kubectl scale deploy/sleep-1 --replicas=2'))).toBe(
      'NAME      READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'sleep-1   1/2     1            1           30s\n' +
        'sleep-1   1/2     1            1           30s\n' +
        'sleep-1   1/2     2            1           30s\n' +
        'deployment.apps/sleep-1 scaled\n',
    );
    cluster.advance(10_000);
    expect(poll()).toBe('sleep-1   2/2     2            2           31s\n');
  });

  it('nothing is delivered after Ctrl-C ends the watch', () => {
    const { cluster, s, poll } = sleeping();
    s.run('kubectl get pods -w');
    const i = s.interrupt();
    expect(text(i)).toBe('^C\n');
    expect(i.busy).toBe(false);
    expect(text(s.run('kubectl scale deploy/sleep-1 --replicas=3'))).toBe('deployment.apps/sleep-1 scaled\n');
    cluster.advance(60_000);
    s.run('kubectl delete deploy sleep-1');
    cluster.advance(60_000);
    expect(poll()).toBe('');
  });

  it("the namespace's writes only; -A adds the others with a NAMESPACE column", () => {
    const { cluster, s, poll } = sleeping();
    s.run('kubectl get deploy -w');
    expect(text(s.runDetached('kubectl scale deploy/coredns -n kube-system --replicas=3'))).toBe(
      'deployment.apps/coredns scaled\n',
    );
    cluster.advance(10_000);
    expect(poll()).toBe('');
    s.interrupt();
    expect(text(s.run('kubectl get deploy -A -w'))).toBe(
      'NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'default       sleep-1   1/1     1            1           40s\n' +
        'kube-system   coredns   3/3     3            3           6d22h\n',
    );
    expect(text(s.runDetached('kubectl scale deploy/sleep-1 --replicas=0'))).toBe(
      'default       sleep-1   1/0     1            1           40s\n' +
        'default       sleep-1   1/0     1            1           40s\n' +
        'default       sleep-1   0/0     0            0           40s\n' +
        'deployment.apps/sleep-1 scaled\n',
    );
  });

  it('a Pod relabelled out of the selector is a DELETED event with its previous state', () => {
    const { s } = sleeping();
    s.run('kubectl get pods -l app=sleep-1 -w --output-watch-events');
    expect(text(s.runDetached('kubectl label pod sleep-1-5794978fd6-qpws9 app=other --overwrite'))).toBe(
      // The relabel (out of the selector), then the ReplicaSet's replacement Pod (into it).
      'DELETED    sleep-1-5794978fd6-qpws9   1/1     Running   0          30s\n' +
        'ADDED      sleep-1-5794978fd6-5stbc   0/1     Pending   0          0s\n' +
        'MODIFIED   sleep-1-5794978fd6-5stbc   0/1     Pending   0          0s\n' +
        'MODIFIED   sleep-1-5794978fd6-5stbc   0/1     ContainerCreating   0          0s\n' +
        'pod/sleep-1-5794978fd6-qpws9 labeled\n',
    );
  });
  it('--field-selector filters the events as it filtered the list', () => {
    const { cluster, s, poll } = sleeping();
    expect(text(s.run('kubectl get pods -w --field-selector status.phase=Running'))).toBe(
      'NAME                       READY   STATUS    RESTARTS   AGE\n' +
        'sleep-1-5794978fd6-qpws9   1/1     Running   0          30s\n',
    );
    // The new Pod is Pending until its container runs: its first four writes are left out,
    // and the one that makes it Running arrives as ADDED (it starts to match).
    expect(text(s.runDetached('kubectl scale deploy/sleep-1 --replicas=2'))).toBe(
      'deployment.apps/sleep-1 scaled\n',
    );
    cluster.advance(10_000);
    expect(poll()).toBe('sleep-1-5794978fd6-5stbc   1/1     Running   0          1s\n');
  });
});

describe('get -w with other printers', () => {
  it('-o wide: NODE appears with the binding, IP with the sandbox', () => {
    const { cluster, s, poll } = session();
    s.run('kubectl get pods -o wide -w');
    expect(text(s.runDetached('kubectl apply -f sleep/sleep1.yaml'))).toBe(
      'NAME                       READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\n' +
        'sleep-1-5794978fd6-qpws9   0/1     Pending   0          0s    <none>   <none>   <none>           <none>\n' +
        'sleep-1-5794978fd6-qpws9   0/1     Pending   0          0s    <none>   docker-desktop   <none>           <none>\n' +
        'sleep-1-5794978fd6-qpws9   0/1     ContainerCreating   0          0s    <none>   docker-desktop   <none>           <none>\n' +
        'deployment.apps/sleep-1 created\n',
    );
    cluster.advance(10_000);
    expect(poll()).toBe(
      'sleep-1-5794978fd6-qpws9   0/1     ContainerCreating   0          0s    10.1.0.4   docker-desktop   <none>           <none>\n' +
        'sleep-1-5794978fd6-qpws9   1/1     Running             0          3s    10.1.0.4   docker-desktop   <none>           <none>\n',
    );
  });

  it('-o name: one line per event', () => {
    const { cluster, s, poll } = sleeping();
    expect(text(s.run('kubectl get deploy -w -o name'))).toBe('deployment.apps/sleep-1\n');
    // The scale (spec), the controller's two status writes, then the new Pod available.
    expect(text(s.runDetached('kubectl scale deploy/sleep-1 --replicas=2'))).toBe(
      `${'deployment.apps/sleep-1\n'.repeat(3)}deployment.apps/sleep-1 scaled\n`,
    );
    cluster.advance(10_000);
    expect(poll()).toBe('deployment.apps/sleep-1\n');
  });

  it('-o yaml: every object after the first is preceded by ---', () => {
    const { s } = sleeping();
    const first = text(s.run('kubectl get pod sleep-1-5794978fd6-qpws9 -w -o yaml'));
    expect(first).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(first).not.toContain('---');
    const next = text(s.runDetached('kubectl label pod sleep-1-5794978fd6-qpws9 x=y'));
    expect(next).toMatch(
      /^---\napiVersion: v1\nkind: Pod\n[\s\S]*\n {4}x: "y"\n[\s\S]*\npod\/sleep-1-5794978fd6-qpws9 labeled\n$/,
    );
    expect(next.match(/^---$/gm)).toHaveLength(1);
  });

  it('-o json --output-watch-events: each event is one compact metav1.WatchEvent line', () => {
    const { s } = sleeping();
    const lines = text(s.run('kubectl get deploy sleep-1 -w -o json --output-watch-events')).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\{"type":"ADDED","object":\{"apiVersion":"apps\/v1","kind":"Deployment",/);
    expect(JSON.parse(lines[0] as string).object.metadata.name).toBe('sleep-1');
  });

  it('-o custom-columns: the header once, widths remembered', () => {
    const { cluster, s, poll } = sleeping();
    expect(text(s.run('kubectl get pods -w -o custom-columns=IP:.status.podIP,NAME:.metadata.name'))).toBe(
      'IP         NAME\n10.1.0.4   sleep-1-5794978fd6-qpws9\n',
    );
    // `<none>` alone would be padded to 9; the width the first print set stays (RememberWidths).
    expect(text(s.runDetached('kubectl delete pod sleep-1-5794978fd6-qpws9 --wait=false'))).toBe(
      '10.1.0.4   sleep-1-5794978fd6-qpws9\n' +
        '<none>     sleep-1-5794978fd6-5stbc\n'.repeat(3) +
        'pod "sleep-1-5794978fd6-qpws9" deleted from default namespace\n',
    );
    cluster.advance(60_000);
    expect(poll()).toBe(
      '10.1.0.5   sleep-1-5794978fd6-5stbc\n' +
        '10.1.0.4   sleep-1-5794978fd6-qpws9\n' +
        '10.1.0.4   sleep-1-5794978fd6-qpws9\n' +
        '10.1.0.5   sleep-1-5794978fd6-5stbc\n',
    );
  });

  it('--sort-by is ignored with a warning; --output-watch-events needs a watch', () => {
    const { s } = sleeping();
    expect(text(s.run('kubectl get pods -w --sort-by=.metadata.name'))).toBe(
      '[err]warning: --watch requested, --sort-by will be ignored for watch events received\n' +
        'NAME                       READY   STATUS    RESTARTS   AGE\n' +
        'sleep-1-5794978fd6-qpws9   1/1     Running   0          30s\n',
    );
    s.interrupt();
    expect(text(s.run('kubectl get pods --output-watch-events'))).toBe(
      '[err]error: --output-watch-events option can only be used with --watch or --watch-only\n',
    );
    expect(text(s.run('kubectl get pod nope -w --ignore-not-found'))).toBe('');
  });

  it('several named objects are listed, then refused: one watch per resource or type', () => {
    const { s } = sleeping();
    const r = s.run('kubectl get deploy,pods -w');
    expect(text(r)).toBe('[err]error: you may only specify a single resource type\n');
    s.run('kubectl create deploy web --image=nginx');
    const two = s.run('kubectl get deploy sleep-1 web -w');
    expect(text(two)).toBe(
      'NAME      READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'sleep-1   1/1     1            1           30s\n' +
        'web       0/1     1            0           0s\n' +
        '[err]error: you may only watch a single resource or type of resource at a time\n',
    );
    expect(two.exitCode).toBe(1);
    expect(two.busy).toBe(false);
  });
});
