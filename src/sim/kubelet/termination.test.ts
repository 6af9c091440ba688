// A deleted Pod's last writes (kubelet.go SyncTerminatingPod → generateAPIPodStatus with
// podIsTerminal, then the status manager's delete), as `kubectl get pods -w` shows them.
import { describe, expect, it } from 'vitest';
import { createTerminalSession, type TerminalResult } from '../../kubectl/session';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster';

const text = (r: TerminalResult) =>
  r.output.map((c) => (c.stream === 'stderr' ? `[err]${c.text}` : c.text)).join('');

function session() {
  const cluster = createCluster({ seed: 11 });
  const s = createTerminalSession({ cluster });
  const poll = () =>
    s
      .poll()
      .map((c) => c.text)
      .join('');
  return { cluster, s, poll };
}

describe('Pod termination: the stopped containers are written before the delete', () => {
  it('busybox sleep ignores SIGTERM: SIGKILL at the grace period, exit 137 Error, phase Failed', () => {
    const { cluster, s, poll } = session();
    s.run('kubectl run sleepy --image=busybox -- sleep 3600');
    cluster.advance(20_000);
    s.run('kubectl get pods -w');
    expect(text(s.runDetached('kubectl delete pod sleepy --wait=false'))).toBe(
      'sleepy   1/1     Terminating   0          20s\n' + 'pod "sleepy" deleted from default namespace\n',
    );
    const seen: { type: string; object: Pod; at: number }[] = [];
    const t0 = cluster.now();
    cluster.watch('Pod', (e) => void seen.push(e as unknown as { type: string; object: Pod; at: number }));
    cluster.advance(29_000);
    expect(cluster.get('Pod', 'default', 'sleepy')?.status?.phase).toBe('Running');
    cluster.advance(31_000);
    expect(poll()).toBe('sleepy   0/1     Error         0          50s\n'.repeat(2));
    expect(cluster.get('Pod', 'default', 'sleepy')).toBeUndefined();
    // The terminal write: at the grace period's end, then the DELETED a moment later.
    const [term, del] = seen.slice(-2) as [(typeof seen)[0], (typeof seen)[0]];
    expect(term.type).toBe('MODIFIED');
    expect(del.type).toBe('DELETED');
    expect(term.at - t0).toBeGreaterThanOrEqual(30_000);
    expect(del.at - term.at).toBeGreaterThanOrEqual(200);
    expect(del.at - term.at).toBeLessThan(400);
    const st = term.object.status;
    expect(st.phase).toBe('Failed');
    const c = st.containerStatuses?.[0];
    expect(c?.ready).toBe(false);
    expect(c?.started).toBe(false);
    expect(c?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(c?.state?.terminated?.finishedAt).toBe(new Date(t0 + 30_000).toISOString().replace('.000', ''));
    const conds = Object.fromEntries((st.conditions ?? []).map((x) => [x.type, [x.status, x.reason]]));
    expect(conds).toEqual({
      PodReadyToStartContainers: ['False', undefined],
      Initialized: ['True', undefined],
      Ready: ['False', 'PodFailed'],
      ContainersReady: ['False', 'PodFailed'],
      PodScheduled: ['True', undefined],
    });
    expect(st.podIP).toBeDefined();
  });

  it('nginx exits on SIGTERM: exit 0 Completed, phase Succeeded although restartPolicy is Always', () => {
    const { cluster, s, poll } = session();
    s.run('kubectl create deployment web --image=nginx');
    cluster.advance(20_000);
    const pod = (cluster.list('Pod', { namespace: 'default' }) as Pod[])[0] as Pod;
    const name = pod.metadata.name;
    expect(pod.spec.restartPolicy).toBe('Always');
    s.run(`kubectl get pod ${name} -w`);
    s.runDetached(`kubectl delete pod ${name} --wait=false`);
    cluster.advance(5_000);
    expect(poll()).toBe(`${name}   0/1     Completed     0          20s\n`.repeat(2));
    expect(cluster.get('Pod', 'default', name)).toBeUndefined();
  });

  it('a sidecar (restartable init container) is written stopped too; the Pod ends Succeeded', () => {
    const { cluster, s, poll } = session();
    s.run(`cat > side.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: side
spec:
  initContainers:
    - name: proxy
      image: nginx
      restartPolicy: Always
  containers:
    - name: app
      image: nginx
EOF`);
    s.run('kubectl apply -f side.yaml');
    cluster.advance(30_000);
    expect(cluster.get('Pod', 'default', 'side')?.status?.phase).toBe('Running');
    const seen: Pod[] = [];
    cluster.watch('Pod', (e) => void seen.push(e.object as Pod));
    s.run('kubectl get pod side -w');
    s.runDetached('kubectl delete pod side --wait=false');
    cluster.advance(10_000);
    // printPod counts the sidecar among the containers (0/2); the removal comes in the next second.
    expect(poll()).toBe(
      'side   0/2     Completed     0          30s\n' + 'side   0/2     Completed     0          31s\n',
    );
    const last = seen[seen.length - 1] as Pod;
    const st = last.status as Pod['status'] & { initContainerStatuses: Pod['status']['containerStatuses'] };
    expect(st.phase).toBe('Succeeded');
    expect(st.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(st.initContainerStatuses?.[0]?.ready).toBe(false);
    expect(st.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('a Pod deleted while its container waits (ContainerCreating): removed, no stopped state to write', () => {
    const { cluster, s, poll } = session();
    s.run('kubectl run slow --image=nginx');
    cluster.advance(1_000);
    s.run('kubectl get pod slow -w');
    expect(
      s
        .runDetached('kubectl delete pod slow --wait=false')
        .output.map((c) => c.text)
        .join(''),
    ).toBe(
      'slow   0/1     Terminating         0          1s\n' + 'pod "slow" deleted from default namespace\n',
    );
    cluster.advance(5_000);
    // Only the DELETED event (ContainerCreating widened the STATUS column in the first print).
    expect(poll()).toBe('slow   0/1     Terminating         0          1s\n');
  });
});
