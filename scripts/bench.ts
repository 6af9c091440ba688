// `npm run bench`: Node benchmark of the simulated core and kubectl. Every speed target is a
// ratio against a baseline measured in the same run on the same machine (never a timed test).
// Prints a table, then one JSON object as the last line.
//
// Core (issue #2): 1,000 Deployments × 5 replicas + 1,000 Services from one YAML text.
//   parse_ms                js-yaml parsing that text alone (the floor)
//   parse_late_ms           the same parse (best of 3) right after the timed builds, for reference:
//                           a process the builds have warmed parses faster than one just started, so
//                           the ratio against this one is the stricter reading (not a target)
//   apply_settle_ms         apply + reconcile until every Pod is Ready (best of 3 fresh builds, like parse)
//   apply_settle_over_parse target ≤ 3
//   floor_ms                the write floor (bench-floor.ts): parsing the text, then only storing the
//                           object versions a faithful cluster writes for it, with no logic (best of 3)
//   floor_over_parse        that over parse_ms: no design that builds each version can go below it
//   apply_settle_first_ms   the first (cold) of those builds
//   apply_settle_after_gc_ms one more build started on a freshly collected heap (the method up to
//                           session 19; a forced gc() makes the build regrow V8's heap limits)
//   delete_pod_resettle_ms  delete one Pod among 5,000, settle until its replacement is Ready and in its
//                           Endpoints (best of 3, each in another Deployment, like the builds and the parse)
//   delete_pod_first_ms     the first (cold) delete, before those three
//   delete_pod_over_apply   target ≤ 0.005 (work proportional to what changed)
//   trace_us                one resolve + trace of a Service name from a Pod, target ≤ 20 (best of 3
//                           batches of 5,000 after a warm pass; the first batch is trace_first_us)
//   heap_mb                 heap growth for that cluster, target ≤ 60
// kubectl (issue #3):
//   get_pods_ms             `kubectl get pods -o wide` over 5,000 Pods
//   get_pods_over_stringify that over JSON.stringify of the same Pods, target ≤ 2
//   replay_chapter_ms       the whole chapter-3 script through the headless replay
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadAll } from 'js-yaml';
import type { Deployment, Endpoints, Pod } from '../src/sim/api/types';
import { createCluster } from '../src/sim/cluster';
import type { Cluster, TraceSource } from '../src/sim/contract';
import { benchManifest } from '../src/sim/testing/bench-manifest';
import { parseManifests } from '../src/sim/yaml';
import { floorRun } from './bench-floor';
import { benchKubectl } from './bench-kubectl';

const gc = (globalThis as { gc?: () => void }).gc;
const now = () => performance.now();

// Every Pod Ready, read through the Deployments' status (what `kubectl rollout status` reads):
// 1,000 objects per check instead of 5,000, so the check costs little of the measured time.
function allReady(c: Cluster): boolean {
  for (const d of c.list('Deployment', { namespace: 'default' }) as Deployment[]) {
    if (
      (d.status.readyReplicas ?? 0) !== d.spec.replicas ||
      d.status.observedGeneration !== d.metadata.generation
    )
      return false;
  }
  return true;
}

function settleUntil(c: Cluster, cond: () => boolean, stepMs = 500, maxMs = 600_000): number {
  let waited = 0;
  while (!cond()) {
    if (waited >= maxMs) throw new Error(`did not settle within ${maxMs} simulated ms`);
    c.advance(stepMs);
    waited += stepMs;
  }
  return waited;
}

const N = Number(process.env.BENCH_N ?? 1000);
// `--profile`: a CPU profile of the apply + settle phase only, written to
// <BENCH_OUT, default node_modules/.cache/bench>/apply.cpuprofile, with the top functions (inclusive and self) printed.
// `--core-only`: stop after the core metrics (skips the kubectl part).
const PROFILE = process.argv.includes('--profile');
const CORE_ONLY = process.argv.includes('--core-only');
const text = benchManifest(N);

// parse floor (best of 3)
let parseMs = Number.POSITIVE_INFINITY;
for (let i = 0; i < 3; i++) {
  const t = now();
  loadAll(text);
  parseMs = Math.min(parseMs, now() - t);
}

// the write floor (best of 3, back to back like the parses and the builds below)
let floorMs = Number.POSITIVE_INFINITY;
let floorWrites = 0;
for (let i = 0; i < 3; i++) {
  const t = now();
  floorWrites = floorRun(text).writes;
  floorMs = Math.min(floorMs, now() - t);
}

// apply + settle, best of RUNS builds in this process (each a fresh cluster, same seed), run back
// to back as the parses above are: both sides are then measured with warm code and a heap V8 has
// already sized. The first, cold build (code not yet optimised, old space growing from nothing:
// what a student's first apply in a fresh tab pays) is reported beside it as
// apply_settle_first_ms.
//
// No gc() between the timed builds: a forced full collection sets V8's old-generation limit from
// the small heap it leaves, so the next build pays the mark-compacts of growing that heap back to
// the cluster's ~45 MB (with a gc() before each, builds 3-6 measured ~1,000-1,200 ms against
// ~550-800 ms without, same code, same host, in one hour; until session 19 the bench forced one).
// The previous cluster's garbage is collected during the next build, as in a tab where a student
// applies again. One more build after a gc() gives heap_mb its baseline, the CPU profile
// (--profile) and the cluster measured below; its time, the old condition, is printed as
// apply_settle_after_gc_ms.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** One fresh cluster, applied and settled until every Pod is Ready. Synchronous: a value that
 * passed through an `await` here stayed reachable from the suspended module frame, which kept the
 * previous cluster alive through the next heap baseline. */
function build(): { cluster: ReturnType<typeof createCluster>; ms: number } {
  const t1 = now();
  // A Docker Desktop node holds 110 Pods (kubelet --max-pods); the benchmark's 5,000 need a node
  // started with a larger --max-pods.
  const c = createCluster({ seed: 42, maxPodsPerNode: 10_000 });
  const parsed = parseManifests(text, 'bench.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const outcomes = c.apply(parsed.docs);
  const failed = outcomes.filter((o) => !o.result.ok);
  if (failed.length) throw new Error(`apply failed for ${failed.length} documents`);
  settleUntil(c, () => allReady(c));
  return { cluster: c, ms: now() - t1 };
}

/** The timed builds, in a synchronous function: its frame, and every cluster it built, is gone
 * when it returns (a value held in the suspended module frame between awaits had kept the
 * previous cluster alive through the next heap baseline). */
function timedBuilds(count: number): number[] {
  const ms: number[] = [];
  for (let i = 0; i < count; i++) ms.push(build().ms);
  return ms;
}
const timed = timedBuilds(RUNS);
let parseLateMs = Number.POSITIVE_INFINITY;
for (let i = 0; i < 3; i++) {
  const t = now();
  loadAll(text);
  parseLateMs = Math.min(parseLateMs, now() - t);
}
const inspector = PROFILE ? new Session() : undefined;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
}
gc?.();
const heap0 = process.memoryUsage().heapUsed;
if (inspector) await inspector.post('Profiler.start');
const lastBuild = build();
if (inspector) {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(
    `${process.env.BENCH_OUT ?? 'node_modules/.cache/bench'}/apply.cpuprofile`,
    JSON.stringify(profile),
  );
  printProfile(profile as unknown as CpuProfile);
  inspector.disconnect();
}
const applySettleFirstMs = timed[0] as number;
const applySettleMs = Math.min(...timed);
const built = lastBuild.cluster;
if (!built) throw new Error('no cluster was built');
const cluster = built;
const notReady = (cluster.list('Pod', { namespace: 'default' }) as Pod[]).filter(
  (p) => p.status.conditions?.find((x) => x.type === 'Ready')?.status !== 'True',
);
if (notReady.length)
  throw new Error(`${notReady.length} Pods not Ready after the Deployments reported ready`);
const podCount = cluster.list('Pod', { namespace: 'default' }).length;

// Delete one Pod and settle until its replacement is Ready and listed in its Service's Endpoints.
// The check itself must not scan the cluster (that would measure the check, not the simulator):
// the replacement is found through the change feed, then read by key.
function deleteAndResettle(app: number): number {
  const victim = cluster.list('Pod', { namespace: 'default', labelSelector: `app=app-${app}` })[0] as Pod;
  const oldIP = victim.status.podIP;
  const added: string[] = [];
  const unsubscribe = cluster.subscribe((b) => {
    for (const k of b.added) if (k.startsWith('Pod/')) added.push(k);
  });
  const svcName = `svc-${app}`;
  const t = now();
  cluster.delete('Pod', 'default', victim.metadata.name);
  const replaced = () => {
    const fresh = added
      .map((k) => cluster.get('Pod', 'default', k.slice('Pod/default/'.length)) as Pod | undefined)
      .find((p) => p?.metadata.labels?.app === victim.metadata.labels?.app);
    const ready = fresh?.status.conditions?.find((x) => x.type === 'Ready')?.status === 'True';
    if (!fresh || !ready || !fresh.status.podIP) return false;
    const ep = cluster.get('Endpoints', 'default', svcName) as Endpoints | undefined;
    const ips = new Set((ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)));
    return ips.has(fresh.status.podIP) && !ips.has(oldIP as string);
  };
  settleUntil(cluster, replaced, 100);
  const ms = now() - t;
  unsubscribe();
  return ms;
}
const mid = Math.floor(N / 2);
// The first delete runs the terminate and replace paths cold: every function on them ran during
// the boot or the builds, but not warm (~4-16 ms here, and ~15 ms at N = 100 too, so it is not
// work proportional to the cluster). It is printed as delete_pod_first_ms, as the first build
// is apply_settle_first_ms; the ratio takes the best of the next 3, as it takes the best of 3
// builds and 3 parses.
const deleteFirstMs = deleteAndResettle(mid);
// Heap growth for the cluster, measured after the first delete (one Pod replaced changes nothing
// measurable): a gc() before it would leave V8 sweeping a cluster-sized heap, on the main thread
// at the first allocation, inside that delete's time (~14 ms seen) — the benchmark's doing, not
// the simulator's. Of the three timed deletes after it, the best counts, so one of them paying
// the rest of that sweep does not.
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heap0) / (1024 * 1024);
const deleteMs = Math.min(...[1, 2, 3].map((i) => deleteAndResettle((mid + i) % N)));

// resolve + trace of a Service name from a Pod
const src: TraceSource = {
  kind: 'pod',
  key: `Pod/default/${(cluster.list('Pod', { namespace: 'default', labelSelector: 'app=app-1' })[0] as Pod).metadata.name}`,
};
// Warm: every Service's DNS/proxy model is built lazily on its first read after a change, so one
// pass over all of them first. Then the best of 3 timed batches, as parse_ms and apply_settle_ms
// are the best of 3: the first batch still pays V8 tiering up the tracer's code (a batch of 1,000
// right after the warm pass measured ~45 µs per trace, the fourth ~8 µs), which is printed as
// trace_first_us beside it.
for (let i = 0; i < N; i++)
  cluster.net.trace({ source: src, destination: `svc-${i}`, protocol: 'TCP', port: 80 });
const iters = 5000;
const traceBatches: number[] = [];
for (let b = 0; b < 3; b++) {
  const t3 = now();
  for (let i = 0; i < iters; i++) {
    cluster.net.trace({ source: src, destination: `svc-${i % N}`, protocol: 'TCP', port: 80 });
  }
  traceBatches.push(((now() - t3) * 1000) / iters);
}
const traceUs = Math.min(...traceBatches);
const traceFirstUs = traceBatches[0] as number;

const kubectl = CORE_ONLY ? {} : await benchKubectl(cluster);

const result = {
  pods: podCount,
  parse_ms: round(parseMs),
  apply_settle_ms: round(applySettleMs),
  apply_settle_over_parse: round(applySettleMs / parseMs, 3),
  parse_late_ms: round(parseLateMs),
  apply_settle_over_parse_late: round(applySettleMs / parseLateMs, 3),
  apply_settle_first_ms: round(applySettleFirstMs),
  apply_settle_after_gc_ms: round(lastBuild.ms),
  floor_ms: round(floorMs),
  floor_writes: floorWrites,
  floor_over_parse: round(floorMs / parseMs, 3),
  delete_pod_resettle_ms: round(deleteMs, 3),
  delete_pod_first_ms: round(deleteFirstMs, 3),
  delete_pod_over_apply: round(deleteMs / applySettleMs, 5),
  trace_us: round(traceUs, 2),
  trace_first_us: round(traceFirstUs, 2),
  heap_mb: gc ? round(heapMb, 1) : null,
  ...kubectl,
};

const targets: Record<string, string> = {
  apply_settle_over_parse: '≤ 3',
  delete_pod_over_apply: '≤ 0.005',
  trace_us: '≤ 20',
  heap_mb: '≤ 60',
  get_pods_over_stringify: '≤ 2',
};
console.log('metric                      value        target');
for (const [k, v] of Object.entries(result)) {
  console.log(`${k.padEnd(28)}${String(v).padEnd(13)}${targets[k] ?? ''}`);
}
if (!gc) console.log('(heap_mb needs --expose-gc: run through `npm run bench`)');
console.log(JSON.stringify(result));

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Top functions of the profile by inclusive and self time (ms), named `fn file:line`. */
function printProfile(p: CpuProfile, top = 40): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const cf = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    return `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
  };
  const incl = new Map<string, number>();
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    self.set(name(id), (self.get(name(id)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(cur);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  });
  console.log(
    `inclusive ms   self ms   function (bundle line: ${process.env.BENCH_OUT ?? 'node_modules/.cache/bench'}/bench.mjs)`,
  );
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${v.toFixed(1).padStart(12)}${(self.get(k) ?? 0).toFixed(1).padStart(10)}   ${k}`);
}
