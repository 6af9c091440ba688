// A cluster nobody holds any more must be collectable: the page builds a new one on every reset
// and every restored share link, and module-level state that keeps the last one alive (as a memo
// of the last watch event and store once did) holds a whole cluster's objects for nothing.
// A macrotask between collections (node's timers module: this test runs in node, not the core).
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { parseManifests } from './yaml';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

function buildAndDrop(): WeakRef<object> {
  const c = createCluster({ seed: 7 });
  const parsed = parseManifests(MANIFEST, 'web.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  c.apply(parsed.docs);
  c.advance(30_000);
  expect(c.get('Endpoints', 'default', 'web')).toBeDefined();
  return new WeakRef(c.internals.store);
}

describe('cluster lifetime', () => {
  it('a dropped cluster (Pods, a Service and its Endpoints) is garbage collected', async () => {
    const ref = buildAndDrop();
    for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
      await nextMacrotask();
      gc();
    }
    expect(ref.deref()).toBeUndefined();
  });
});
