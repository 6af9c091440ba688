// `npm run bench`: bundles scripts/bench.ts with Vite (the same transform the browser build uses,
// so the numbers are not skewed by a dev-time loader's per-function overhead), then runs it with
// --expose-gc so heap growth can be measured. Arguments after `--` are passed through.
import { spawnSync } from 'node:child_process';
import { build } from 'vite';

// BENCH_OUT: another bundle directory, so two checkouts sharing node_modules can benchmark at once.
const outDir = process.env.BENCH_OUT ?? 'node_modules/.cache/bench';
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'scripts/bench.ts',
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'bench.mjs' } },
  },
  ssr: { noExternal: true },
});
const r = spawnSync(process.execPath, ['--expose-gc', `${outDir}/bench.mjs`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_OUT: outDir },
});
process.exit(r.status ?? 1);
