// The ServiceAccount admission plugin (sa-admission.ts) through kubectl, as a student meets it.
// [K8S 1.34 plugin/pkg/admission/serviceaccount/admission.go; controller_utils.go createPods]
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: volumeMounts are not in the Container type.
type Any = any;

const POD = (spec: string, more = '') => `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
${spec}  containers:
    - name: app
      image: nginx
${more}`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: foo
      containers:
        - name: web
          image: nginx
`;

const file = (name: string, body: string) => `cat > ${name} <<'EOF'\n${body}EOF`;

describe('ServiceAccount admission', () => {
  it('a Pod naming a ServiceAccount that does not exist is forbidden; created once it exists', () => {
    const d = kdrive({ seed: 5 });
    d.sh(file('pod.yaml', POD('  serviceAccountName: foo\n')));
    d.kubectl('apply -f pod.yaml');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found\n',
    );
    expect(d.cluster.get('Pod', 'default', 'x')).toBeUndefined();
    d.sh(file('sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: foo\n'));
    d.kubectl('apply -f sa.yaml');
    expect(d.stdout()).toBe('serviceaccount/foo created\n');
    d.kubectl('apply -f pod.yaml');
    expect(d.stdout()).toBe('pod/x created\n');
    const spec = (d.cluster.get('Pod', 'default', 'x') as Pod).spec as Pod['spec'] & {
      volumes: { name: string }[];
    };
    expect(spec.volumes.map((v) => v.name)).toEqual([expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/)]);
  });

  it("a Deployment's missing ServiceAccount: its ReplicaSet records FailedCreate with the server's message", () => {
    const d = kdrive({ seed: 5 });
    d.sh(file('web.yaml', DEPLOY));
    d.kubectl('apply -f web.yaml');
    expect(d.stdout()).toBe('deployment.apps/web created\n');
    d.advance(5_000);
    d.kubectl('get pods');
    expect(d.text()).toBe('No resources found in default namespace.\n');
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0];
    const name = rs?.metadata.name as string;
    d.kubectl('get events --field-selector reason=FailedCreate -o custom-columns=TYPE:.type,MSG:.message');
    const lines = d.stdout().split('\n');
    expect(lines[0]).toBe('TYPE      MSG');
    expect(lines[1]).toBe(
      `Warning   Error creating: pods "${name}-" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found`,
    );
  });

  it('init containers get the token mount first; a container mounting something there keeps it', () => {
    const d = kdrive({ seed: 5 });
    const spec =
      '  initContainers:\n    - name: init\n      image: busybox\n      command: [sh, -c, "true"]\n' +
      '    - name: own\n      image: busybox\n      command: [sh, -c, "true"]\n' +
      '      volumeMounts:\n        - {name: mine, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}\n';
    d.sh(file('pod.yaml', POD(spec, '  volumes:\n    - name: mine\n      emptyDir: {}\n')));
    d.kubectl('apply -f pod.yaml');
    expect(d.stdout()).toBe('pod/x created\n');
    const p = d.cluster.get('Pod', 'default', 'x') as Pod;
    const s = p.spec as Pod['spec'] & {
      initContainers: Pod['spec']['containers'];
      volumes: { name: string }[];
    };
    const token = s.volumes[1]?.name as string;
    expect(token).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
    const mounts = (c: Any) =>
      ((c?.volumeMounts ?? []) as Any[]).map((m) => `${m.name}:${m.mountPath}${m.readOnly ? ':ro' : ''}`);
    const at = '/var/run/secrets/kubernetes.io/serviceaccount';
    expect(mounts(s.initContainers[0])).toEqual([`${token}:${at}:ro`]);
    expect(mounts(s.initContainers[1])).toEqual([`mine:${at}`]);
    expect(mounts(s.containers[0])).toEqual([`${token}:${at}:ro`]);
  });

  it("automountServiceAccountToken: false on the ServiceAccount skips the volume; the Pod's true wins", () => {
    const d = kdrive({ seed: 5 });
    d.sh(
      file(
        'sa.yaml',
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: quiet\nautomountServiceAccountToken: false\n',
      ),
    );
    d.kubectl('apply -f sa.yaml');
    d.sh(file('pod.yaml', POD('  serviceAccountName: quiet\n')));
    d.kubectl('apply -f pod.yaml');
    expect(d.stdout()).toBe('pod/x created\n');
    const p = d.cluster.get('Pod', 'default', 'x') as Pod;
    expect((p.spec as { volumes?: unknown[] }).volumes).toBeUndefined();
    expect((p.spec.containers[0] as Any)?.volumeMounts).toBeUndefined();
    d.sh(
      file(
        'pod2.yaml',
        POD('  serviceAccountName: quiet\n  automountServiceAccountToken: true\n').replace(
          'name: x',
          'name: x2',
        ),
      ),
    );
    d.kubectl('apply -f pod2.yaml');
    const q = d.cluster.get('Pod', 'default', 'x2') as Pod;
    expect((q.spec.containers[0] as Any)?.volumeMounts?.[0]?.mountPath).toBe(
      '/var/run/secrets/kubernetes.io/serviceaccount',
    );
  });

  it("a Pod without imagePullSecrets gets its ServiceAccount's", () => {
    const d = kdrive({ seed: 5 });
    d.sh(
      file(
        'sa.yaml',
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: puller\nimagePullSecrets:\n  - name: regcred\n',
      ),
    );
    d.kubectl('apply -f sa.yaml');
    d.sh(file('pod.yaml', POD('  serviceAccountName: puller\n')));
    d.kubectl('apply -f pod.yaml');
    expect(d.stdout()).toBe('pod/x created\n');
    d.kubectl('get pod x -o jsonpath={.spec.imagePullSecrets}');
    expect(d.stdout()).toBe('[{"name":"regcred"}]');
  });
});
