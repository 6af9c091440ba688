// The benchmark's build as a deterministic instruction count (see scripts/bench-ir.mjs, which
// bundles this file and runs it under valgrind). Wall-clock numbers on a shared 2-core host vary by
// ±20 % between identical runs; under `node --predictable` (deterministic GC and tier-up
// heuristics) the count of K builds repeats to a few parts per million, so (K=2) - (K=1) is one
// warm build and small steps can be compared A/B. MODE=parse counts js-yaml's loadAll of the same
// text instead: the ratio of the two warm counts at N=1000 is the benchmark's
// apply_settle_over_parse in instructions (docs/records-port.md, "Round 15 end to end").
import { loadAll } from 'js-yaml';
import type { Deployment } from '../src/sim/api/types';
import { createCluster } from '../src/sim/cluster';
import { benchManifest } from '../src/sim/testing/bench-manifest';
import { parseManifests } from '../src/sim/yaml';

const N = Number(process.env.N ?? 1000);
const K = Number(process.env.K ?? 1);
const text = benchManifest(N);

// EACH=1 (bench-ir.mjs --each): a syscall marks each build's start and the loop's end; callgrind
// dumps its counts there (--dump-before=uv_getrusage), giving every build's count from one run.
const mark = process.env.EACH === '1' ? () => process.cpuUsage() : () => undefined;
for (let k = 0; k < K; k++) {
  mark();
  if (process.env.MODE === 'parse') {
    loadAll(text);
    continue;
  }
  const c = createCluster({ seed: 42, maxPodsPerNode: 10_000 });
  const parsed = parseManifests(text, 'bench.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  c.apply(parsed.docs);
  const ready = () => {
    for (const d of c.list('Deployment', { namespace: 'default' }) as Deployment[])
      if (
        (d.status.readyReplicas ?? 0) !== d.spec.replicas ||
        d.status.observedGeneration !== d.metadata.generation
      )
        return false;
    return true;
  };
  while (!ready()) c.advance(500);
}
mark();
