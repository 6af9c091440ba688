// `kubectl events --watch` in a terminal session: the existing Events as the watch's synthetic
// ADDED events (key order, not sorted by time), then one row per Event written.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { createTerminalSession, type TerminalResult } from '../session';

const text = (r: TerminalResult) =>
  r.output.map((c) => (c.stream === 'stderr' ? `[err]${c.text}` : c.text)).join('');

function sleeping() {
  const cluster = createCluster({ seed: 7 });
  const s = createTerminalSession({ cluster });
  s.run('kubectl apply -f sleep/sleep1.yaml');
  cluster.advance(30_000);
  const poll = () =>
    s
      .poll()
      .map((c) => c.text)
      .join('');
  return { cluster, s, poll };
}

describe('kubectl events --watch', () => {
  it('the existing Events in key order, then one row per new Event, widths kept', () => {
    const { cluster, s, poll } = sleeping();
    // Key order: the Pod's (`sleep-1-5794978fd6-qpws9.…`), the ReplicaSet's, the Deployment's.
    expect(text(s.run('kubectl events -w'))).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT                         MESSAGE\n' +
        '30s         Normal   Scheduled   Pod/sleep-1-5794978fd6-qpws9   Successfully assigned default/sleep-1-5794978fd6-qpws9 to docker-desktop\n' +
        '30s         Normal   Pulling     Pod/sleep-1-5794978fd6-qpws9   Pulling image "kiamol/ch03-sleep"\n' +
        '27s         Normal   Pulled      Pod/sleep-1-5794978fd6-qpws9   Successfully pulled image "kiamol/ch03-sleep" in 3.423s (3.423s including waiting). Image size: 7654321 bytes.\n' +
        '27s         Normal   Created     Pod/sleep-1-5794978fd6-qpws9   Created container: sleep\n' +
        '27s         Normal   Started     Pod/sleep-1-5794978fd6-qpws9   Started container sleep\n' +
        '30s         Normal   SuccessfulCreate   ReplicaSet/sleep-1-5794978fd6   Created pod: sleep-1-5794978fd6-qpws9\n' +
        '30s         Normal   ScalingReplicaSet   Deployment/sleep-1              Scaled up replica set sleep-1-5794978fd6 from 0 to 1\n',
    );
    expect(text(s.runDetached('kubectl scale deploy/sleep-1 --replicas=2'))).toBe(
      '0s          Normal   ScalingReplicaSet   Deployment/sleep-1              Scaled up replica set sleep-1-5794978fd6 from 1 to 2\n' +
        '0s          Normal   SuccessfulCreate    ReplicaSet/sleep-1-5794978fd6   Created pod: sleep-1-5794978fd6-5stbc\n' +
        '0s          Normal   Scheduled           Pod/sleep-1-5794978fd6-5stbc    Successfully assigned default/sleep-1-5794978fd6-5stbc to docker-desktop\n' +
        'deployment.apps/sleep-1 scaled\n',
    );
    cluster.advance(40_000);
    expect(poll()).toBe(
      '0s          Normal   Pulling             Pod/sleep-1-5794978fd6-5stbc    Pulling image "kiamol/ch03-sleep"\n' +
        '0s          Normal   Pulled              Pod/sleep-1-5794978fd6-5stbc    Successfully pulled image "kiamol/ch03-sleep" in 825ms (825ms including waiting). Image size: 7654321 bytes.\n' +
        '0s          Normal   Created             Pod/sleep-1-5794978fd6-5stbc    Created container: sleep\n' +
        '0s          Normal   Started             Pod/sleep-1-5794978fd6-5stbc    Started container sleep\n',
    );
    expect(text(s.interrupt())).toBe('^C\n');
    s.run('kubectl scale deploy/sleep-1 --replicas=1');
    cluster.advance(40_000);
    expect(poll()).toBe('');
  });

  it('--types and --for filter the watch; nothing matching prints nothing, not "No events found"', () => {
    const { cluster, s, poll } = sleeping();
    expect(text(s.run('kubectl events -w --types=Warning'))).toBe('');
    s.runDetached('kubectl scale deploy/sleep-1 --replicas=2');
    cluster.advance(40_000);
    expect(poll()).toBe('');
    s.interrupt();
    expect(text(s.run('kubectl events -w --for deploy/sleep-1 --no-headers'))).toBe(
      '70s   Normal   ScalingReplicaSet   Deployment/sleep-1   Scaled up replica set sleep-1-5794978fd6 from 0 to 1\n' +
        '40s   Normal   ScalingReplicaSet   Deployment/sleep-1   Scaled up replica set sleep-1-5794978fd6 from 1 to 2\n',
    );
    expect(text(s.runDetached('kubectl scale deploy/sleep-1 --replicas=1'))).toBe(
      '0s    Normal   ScalingReplicaSet   Deployment/sleep-1   Scaled down replica set sleep-1-5794978fd6 from 2 to 1\n' +
        'deployment.apps/sleep-1 scaled\n',
    );
  });
});
