// `node scripts/bench-ir.mjs [build|parse] [N]`: deterministic instruction counts of the core
// benchmark (needs valgrind; a manual tool, not part of `npm test`). Bundles scripts/bench-ir.ts
// with Vite as `npm run bench` does, runs it for K=1 and K=2 under
// `valgrind --tool=callgrind node --predictable`, and prints both counts and their difference (one
// warm build, or one warm parse). ~10 minutes at N=1000. With `--each K`: one run of K builds,
// each build's count and its TurboFan and GC parts (eachBuild).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const mode = process.argv[2] ?? 'build';
const n = process.argv[3] ?? '1000';
// `--each K`: one run of K builds, each build's count on its own (see eachBuild below).
const eachAt = process.argv.indexOf('--each');
const each = eachAt > 0 ? Number(process.argv[eachAt + 1] ?? 4) : 0;
const outDir = process.env.BENCH_OUT ?? 'node_modules/.cache/bench-ir';
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'scripts/bench-ir.ts',
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'bench-ir.mjs' } },
  },
  ssr: { noExternal: true },
});
const count = (k) => {
  const r = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      '--predictable',
      '--single-threaded',
      `${outDir}/bench-ir.mjs`,
    ],
    { env: { ...process.env, N: n, K: String(k), MODE: mode }, encoding: 'utf8' },
  );
  const m = /Collected : (\d+)/.exec(r.stderr ?? '');
  if (r.error || !m) throw new Error(`valgrind failed: ${r.error?.message ?? r.stderr.slice(-500)}`);
  return Number(m[1]);
};
/**
 * Each function's own instructions in a callgrind output file (callgrind_annotate reads a
 * --dump-before part's call lines as the caller's own cost): the cost lines under `fn=`, less the
 * line after each `calls=` (the callee's inclusive cost); names are compressed as `(id) name`.
 */
function selfCosts(text) {
  const names = new Map();
  const costs = new Map();
  const name = (s) => {
    const m = /^\((\d+)\)(?: (.*))?$/.exec(s);
    if (!m) return s;
    if (m[2] !== undefined) names.set(m[1], m[2]);
    return names.get(m[1]) ?? m[1];
  };
  let fn;
  let skip = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('fn=')) fn = name(line.slice(3));
    else if (line.startsWith('cfn=')) name(line.slice(4));
    else if (line.startsWith('calls=')) skip = true;
    else if (/^[\d+*-]/.test(line)) {
      if (skip) skip = false;
      else if (fn !== undefined) costs.set(fn, (costs.get(fn) ?? 0) + (Number(line.split(' ')[1]) || 0));
    }
  }
  return costs;
}

/**
 * K builds in one callgrind run, dumped at each build's start (bench-ir.ts EACH=1): per build its
 * instruction count and the parts of it run in optimized JavaScript (jit), in V8's optimizing
 * compiler (TurboFan) and in the garbage collector, by callgrind's function names. Whole counts
 * move by up to 20 % with where a collection or a recompile falls; the jit part is steady to ~1 %
 * (docs/records-port.md, round 16). Under --predictable TurboFan compiles
 * on the main thread, so these counts include it: the second build still recompiles much of what
 * the first optimised (its new cluster's boot deoptimises code tuned to the first one's
 * settled state), which is what (K=2) - (K=1) measures besides the simulation's own work.
 */
function eachBuild(k) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ir-'));
  const r = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--dump-before=uv_getrusage',
      `--callgrind-out-file=${dir}/cg.out`,
      process.execPath,
      '--predictable',
      '--single-threaded',
      `${outDir}/bench-ir.mjs`,
    ],
    { env: { ...process.env, N: n, K: String(k), MODE: mode, EACH: '1' }, encoding: 'utf8' },
  );
  if (r.error || r.status !== 0)
    throw new Error(`valgrind failed: ${r.error?.message ?? r.stderr.slice(-500)}`);
  // Parts: .1 the start up to the first mark, then one per build, then the end (the last file).
  const parts = readdirSync(dir)
    .map((f) => /^cg\.out\.(\d+)$/.exec(f))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  const builds = [];
  for (const i of parts.slice(1, 1 + k)) {
    let total = 0;
    let turbofan = 0;
    let gc = 0;
    let jit = 0;
    for (const [fn, ir] of selfCosts(readFileSync(`${dir}/cg.out.${i}`, 'utf8'))) {
      total += ir;
      // Optimized JavaScript has no symbol: callgrind names it by address.
      if (/^0x[0-9a-f]+/.test(fn)) jit += ir;
      else if (/compiler::|turboshaft/.test(fn)) turbofan += ir;
      else if (/Scaveng|Evacuat|SemiSpace|NewSpace|Promot|Pretenur|Mark|Sweep|Compact|GCTracer/.test(fn))
        gc += ir;
    }
    builds.push({ build: builds.length, ir: total, jit, turbofan, gc });
  }
  rmSync(dir, { recursive: true, force: true });
  return builds;
}

if (each > 0) {
  for (const b of eachBuild(each)) console.log(JSON.stringify({ mode, n: Number(n), ...b }));
} else {
  const one = count(1);
  const two = count(2);
  console.log(JSON.stringify({ mode, n: Number(n), k1: one, k2: two, warm: two - one }));
}
