// Test-only fixtures of replicaset-failure.test.ts and replicaset-failure-output.test.ts: a workload
// whose Pods name the ServiceAccount `foo`, which does not exist until SA_YAML is applied, so that
// the ServiceAccount admission plugin refuses every Pod create [K8S 1.34
// plugin/pkg/admission/serviceaccount/admission.go] and the ReplicaSet records the failure.

/** A Deployment or ReplicaSet `web` (Pods `app: web`, one nginx container, ServiceAccount foo). */
export const workloadYaml = (kind: 'Deployment' | 'ReplicaSet', replicas: number) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  replicas: ${replicas}
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

export const SA_YAML = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: foo\n';

/** The terminal line that writes `body` to the file `name`. */
export const heredoc = (name: string, body: string) => `cat > ${name} <<'EOF'\n${body}EOF`;

/** The refusal of a Pod create of ReplicaSet `rs` (its generateName is `<rs>-`). */
export const forbidden = (rs: string) =>
  `pods "${rs}-" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found`;
