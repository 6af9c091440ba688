// `kubectl create -f` of an object with only `metadata.generateName`: kubectl POSTs it as it is
// and the server spells the name (generateName + 5 random characters); apply cannot (it GETs the
// object by name first). [KUBECTL create.go; APISERVER names.SimpleNameGenerator]
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const POD = `apiVersion: v1
kind: Pod
metadata:
  generateName: probe-
spec:
  containers:
    - name: sleep
      image: kiamol/ch03-sleep
`;

describe('kubectl create -f with generateName', () => {
  it('creates a Pod whose name the server generates, twice with two names', () => {
    const d = kdrive({ seed: 3 });
    d.sh(`cat > probe.yaml <<'EOF'\n${POD}EOF`);
    d.kubectl('create -f probe.yaml');
    expect(d.exitCode()).toBe(0);
    const first = d.stdout();
    expect(first).toMatch(/^pod\/probe-[bcdfghjklmnpqrstvwxz2456789]{5} created\n$/);
    d.kubectl('create -f probe.yaml');
    const second = d.stdout();
    expect(second).toMatch(/^pod\/probe-[bcdfghjklmnpqrstvwxz2456789]{5} created\n$/);
    expect(second).not.toBe(first);
    d.kubectl('get pods -o name');
    expect(d.stdout().trim().split('\n')).toHaveLength(2);
  });

  it('apply still refuses it: apply needs the name to look the object up', () => {
    const d = kdrive({ seed: 3 });
    d.sh(`cat > probe.yaml <<'EOF'\n${POD}EOF`);
    d.kubectl('apply -f probe.yaml');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toContain('resource name may not be empty');
  });

  it('an object with neither name nor generateName gets the server error', () => {
    const d = kdrive({ seed: 3 });
    d.sh(`cat > anon.yaml <<'EOF'\n${POD.replace('  generateName: probe-\n', '  labels: {a: b}\n')}EOF`);
    d.kubectl('create -f anon.yaml');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toBe(
      'The Pod "" is invalid: metadata.name: Required value: name or generateName is required\n',
    );
  });
});
