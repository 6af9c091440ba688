// `node scripts/bench-ir.mjs [build|parse] [N]`: deterministic instruction counts of the core
// benchmark (needs valgrind; a manual tool, not part of `npm test`). Bundles scripts/bench-ir.ts
// with Vite as `npm run bench` does, runs it for K=1 and K=2 under
// `valgrind --tool=callgrind node --predictable`, and prints both counts and their difference (one
// warm build, or one warm parse). ~10 minutes at N=1000.
import { spawnSync } from 'node:child_process';
import { build } from 'vite';

const mode = process.argv[2] ?? 'build';
const n = process.argv[3] ?? '1000';
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
const one = count(1);
const two = count(2);
console.log(JSON.stringify({ mode, n: Number(n), k1: one, k2: two, warm: two - one }));
