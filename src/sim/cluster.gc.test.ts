// A cluster nobody holds any more must be collectable: the page builds a new one on every reset
// and every restored share link, and module-level state that keeps the last one alive (as a memo
// of the last watch event and store once did) holds a whole cluster's objects for nothing.
// A macrotask between collections (node's timers module: this test runs in node, not the core).
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { sleep2, sleep2Service } from '../scenarios/ch03/sleep';
import { createCluster } from './cluster';
import { parseManifests } from './yaml';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MANIFEST = `${sleep2}---\n${sleep2Service}`;

function buildAndDrop(): WeakRef<object> {
  const c = createCluster({ seed: 7 });
  const parsed = parseManifests(MANIFEST, 'sleep2.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  c.apply(parsed.docs);
  c.advance(30_000);
  expect(c.get('Endpoints', 'default', 'sleep-2')).toBeDefined();
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
