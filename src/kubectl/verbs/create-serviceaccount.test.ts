// kubectl create serviceaccount|sa NAME [kubectl v0.34.9 pkg/cmd/create/create_serviceaccount.go].
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

describe('kubectl create serviceaccount', () => {
  it('creates the account, which a Pod may then name; a second create is AlreadyExists', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create serviceaccount web').text()).toBe('serviceaccount/web created\n');
    expect(d.cluster.get('ServiceAccount', 'default', 'web')).toBeDefined();
    expect(d.kubectl('create sa web').text()).toBe(
      'error: failed to create serviceaccount: serviceaccounts "web" already exists\n',
    );
    expect(d.exitCode()).toBe(1);
    d.sh(
      "cat > p.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: web\n  containers:\n  - name: c\n    image: nginx\nEOF",
    );
    expect(d.kubectl('apply -f p.yaml').text()).toBe('pod/p created\n');
  });

  it('honours -n, --dry-run=client -o yaml, and refuses a missing or invalid name', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create sa x -n kube-public --dry-run=client -o yaml').text()).toBe(
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n  namespace: kube-public\n',
    );
    expect(d.cluster.get('ServiceAccount', 'kube-public', 'x')).toBeUndefined();
    expect(d.kubectl('create sa').text()).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create serviceaccount -h' for help and examples\n",
    );
    expect(d.kubectl('create sa Bad_Name').exitCode()).toBe(1);
    expect(d.stderr()).toContain(
      'failed to create serviceaccount: ServiceAccount "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"',
    );
  });
});
