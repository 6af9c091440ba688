// The deprecated `serviceAccount` alias of a PodSpec, as the API server's conversion writes it on
// every Pod and template [K8S 1.34 pkg/apis/core/v1/conversion.go Convert_v1_PodSpec_To_core_PodSpec
// and Convert_core_PodSpec_To_v1_PodSpec]: `serviceAccountName` wins, `serviceAccount` fills it when
// it is empty, and the stored object carries both.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Deployment, Pod, ReplicaSet } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: reading fields the typed PodSpec leaves out.
type Any = any;

const deploy = (name: string, sa: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${sa}      containers:
        - name: web
          image: nginx
`;

const pod = (sa: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${sa}  containers:
    - name: app
      image: nginx
`;

const file = (name: string, body: string) => `cat > ${name} <<'EOF'\n${body}EOF`;

/** The name of the one ReplicaSet in namespace `ns`. */
function rsOf(d: ReturnType<typeof kdrive>, ns: string): string {
  const rs = d.cluster.list('ReplicaSet', { namespace: ns }) as ReplicaSet[];
  expect(rs).toHaveLength(1);
  return (rs[0] as ReplicaSet).metadata.name;
}

describe('PodSpec serviceAccount alias', () => {
  it('a template naming serviceAccountName stores serviceAccount too, and kubectl shows it', () => {
    const d = kdrive({ seed: 3 });
    d.sh(file('d.yaml', deploy('a', '      serviceAccountName: default\n')));
    d.kubectl('apply -f d.yaml');
    expect(d.exitCode()).toBe(0);
    const spec = (d.cluster.get('Deployment', 'default', 'a') as Deployment).spec.template.spec as Any;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    d.kubectl("get deploy a -o jsonpath='{.spec.template.spec.serviceAccount}'");
    expect(d.stdout()).toBe('default');
  });

  it('the pod-template-hash covers the alias: naming the account either way, or both, is one template', () => {
    const d = kdrive({ seed: 3 });
    // One Deployment `web` per namespace, their templates differing only in how they name the account.
    d.sh(file('a.yaml', deploy('web', '      serviceAccountName: default\n')));
    d.sh(file('b.yaml', deploy('web', '      serviceAccountName: default\n      serviceAccount: default\n')));
    d.sh(file('c.yaml', deploy('web', '      serviceAccount: default\n')));
    d.sh(file('n.yaml', deploy('web', '')));
    for (const f of ['a', 'b', 'c', 'n']) {
      d.kubectl(`create namespace ${f}`);
      d.kubectl(`apply -f ${f}.yaml -n ${f}`);
      expect(d.stdout()).toBe('deployment.apps/web created\n');
    }
    const hash = (ns: string) => rsOf(d, ns).slice('web-'.length);
    expect(hash('a')).toBe(hash('b'));
    expect(hash('c')).toBe(hash('b'));
    // An account named is part of the template; none named is another template.
    expect(hash('n')).not.toBe(hash('a'));
  });

  it('serviceAccountName wins over a different serviceAccount', () => {
    const d = kdrive({ seed: 3 });
    d.sh(file('d.yaml', deploy('a', '      serviceAccountName: default\n      serviceAccount: other\n')));
    d.kubectl('apply -f d.yaml');
    expect(d.exitCode()).toBe(0);
    const spec = (d.cluster.get('Deployment', 'default', 'a') as Deployment).spec.template.spec as Any;
    expect([spec.serviceAccountName, spec.serviceAccount]).toEqual(['default', 'default']);
  });

  it('a Pod naming only serviceAccount is admitted under that account', () => {
    const d = kdrive({ seed: 3 });
    d.sh(file('p.yaml', pod('  serviceAccount: foo\n')));
    d.kubectl('apply -f p.yaml');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toBe(
      'Error from server (Forbidden): error when creating "p.yaml": pods "p" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found\n',
    );
    d.sh(file('sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: foo\n'));
    d.kubectl('apply -f sa.yaml');
    expect(d.stdout()).toBe('serviceaccount/foo created\n');
    d.kubectl('apply -f p.yaml');
    expect(d.stdout()).toBe('pod/p created\n');
    const spec = (d.cluster.get('Pod', 'default', 'p') as Pod).spec as Any;
    expect([spec.serviceAccountName, spec.serviceAccount]).toEqual(['foo', 'foo']);
  });

  it('an empty serviceAccountName is the default account, written without the empty field', () => {
    const d = kdrive({ seed: 3 });
    d.sh(file('p.yaml', pod('  serviceAccountName: ""\n')));
    d.kubectl('apply -f p.yaml');
    expect(d.stdout()).toBe('pod/p created\n');
    const spec = (d.cluster.get('Pod', 'default', 'p') as Pod).spec as Any;
    expect([spec.serviceAccountName, spec.serviceAccount]).toEqual(['default', 'default']);
  });
});
