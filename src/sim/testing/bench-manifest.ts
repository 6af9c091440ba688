// The benchmark's manifest, shared by scripts/bench.ts and the version-stream golden.
/**
 * The benchmark's YAML text (scripts/bench.ts, issue #2): n Deployments × 5 replicas of nginx and n
 * Services selecting them, in one text. The version-stream golden replays the same shape at small
 * scale, so the benchmark and the golden that guards the records port measure one scenario.
 */
export function benchManifest(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: 5
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 80`);
  }
  return parts.join('\n---\n');
}
