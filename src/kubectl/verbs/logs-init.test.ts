// kubectl logs of init containers [KUBECTL 1.34 pkg/polymorphichelpers/logsforobject.go,
// pkg/cmd/util/podcmd; K8S kubelet_pods.go validateContainerLogStatus]: `-c` finds an init
// container, the Defaulted message lists them with ` (init)`, --all-containers reads them first.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: busybox
      command: [sh, -c, 'echo preparing; echo done']
    - name: wait
      image: busybox
      command: [sh, -c, 'echo waiting a bit; sleep 5']
  containers:
    - name: app
      image: busybox
      command: [sh, -c, 'echo app up; sleep 3600']
`;

function applied() {
  const d = kdrive({ seed: 9 });
  d.sh(`cat > web.yaml <<'EOF'\n${POD}EOF`);
  d.kubectl('apply -f web.yaml');
  return d;
}

describe('kubectl logs: init containers', () => {
  it('-c names an init container: its output while it runs and once done; the kubelet refuses one not started', () => {
    const d = applied();
    d.advance(1_000);
    d.kubectl('logs web -c wait');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toBe(
      'Error from server (BadRequest): container "wait" in pod "web" is waiting to start: PodInitializing\n',
    );
    d.advance(3_000);
    d.kubectl('get pod web');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS     RESTARTS   AGE\nweb    0/1     Init:1/2   0          4s\n',
    );
    d.kubectl('logs web -c setup');
    expect(d.stdout()).toBe('preparing\ndone\n');
    d.kubectl('logs web -c wait');
    expect(d.stdout()).toBe('waiting a bit\n');
    // The default container is the first of spec.containers; the message lists the init ones.
    d.kubectl('logs web');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toBe(
      'Defaulted container "app" out of: app, setup (init), wait (init)\n' +
        'Error from server (BadRequest): container "app" in pod "web" is waiting to start: PodInitializing\n',
    );
    d.advance(30_000);
    d.kubectl('logs web -c setup');
    expect(d.stdout()).toBe('preparing\ndone\n');
    d.kubectl('logs web');
    expect(d.stdout()).toBe('app up\n');
  });

  it('--all-containers: the init containers first, then the containers; not with -c', () => {
    const d = applied();
    d.advance(30_000);
    d.kubectl('logs web --all-containers');
    expect(d.stdout()).toBe('preparing\ndone\nwaiting a bit\napp up\n');
    expect(d.stderr()).toBe('');
    d.kubectl('logs web --all-containers -c setup');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toBe(
      'error: --all-containers=true should not be specified with container name setup\n',
    );
    d.kubectl('logs web -c nope');
    expect(d.stderr()).toBe('error: container nope is not valid for pod web\n');
  });

  it('--all-containers stops at the first container the kubelet refuses', () => {
    const d = applied();
    d.advance(4_000);
    d.kubectl('logs web --all-containers');
    expect(d.stdout()).toBe('preparing\ndone\nwaiting a bit\n');
    expect(d.stderr()).toBe(
      'Error from server (BadRequest): container "app" in pod "web" is waiting to start: PodInitializing\n',
    );
  });

  it('the default-container annotation picks the container, an init one too', () => {
    const d = kdrive({ seed: 9 });
    const annotated = POD.replace(
      '  name: web\n',
      '  name: web\n  annotations:\n    kubectl.kubernetes.io/default-container: setup\n',
    );
    d.sh(`cat > web.yaml <<'EOF'\n${annotated}EOF`);
    d.kubectl('apply -f web.yaml');
    d.advance(30_000);
    d.kubectl('logs web');
    expect(d.stdout()).toBe('preparing\ndone\n');
    expect(d.stderr()).toBe('');
  });
});
