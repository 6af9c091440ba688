/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// monaco-editor >=0.56 has an "exports" map ("./*" -> "./esm/vs/*.js") that breaks the deep import
// 'monaco-editor/esm/vs/editor/editor.worker.js' used by monaco-worker-manager (a monaco-yaml dep).
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

export default defineConfig({
  // Relative asset URLs: the production build works from any sub-path of a static host.
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^monaco-editor\/esm\/(.*)$/, replacement: `${monacoEsm}$1` },
      // zustand/traditional (React Flow's store) imports the shim of useSyncExternalStore for React
      // < 18; React 19 has it built in, and the package's non-shim entry uses React's directly.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  worker: { format: 'es' },
  // dev only: else the first visit triggers "optimized dependencies changed. reloading"
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    chunkSizeWarningLimit: 5000,
    // Every browser we support has <link rel=modulepreload>; the polyfill was ~0.5 KiB on the boot path.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // React's memo/forwardRef/createContext have no side effects, but @xyflow/react's bundle calls
      // them at module level without /*#__PURE__*/, so its unused components (NodeResizer,
      // NodeToolbar, EdgeToolbar, …) stayed in the boot chunk: -7 KiB raw, -2.6 KiB gzip.
      treeshake: { manualPureFunctions: ['memo', 'forwardRef', 'createContext'] },
      output: {
        // Everything the page imports statically (React, React Flow, the simulated cluster, the store)
        // in ONE chunk: one request on the first graph's critical path, one gzip stream (splitting it
        // cost ~1.5 KiB gzip and two more requests), and the lazy chunks import it instead of
        // duplicating shared code.
        codeSplitting: { groups: [{ name: 'boot', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A guard against hangs, not a speed target (speed lives in the benchmarks): the property
    // tests build hundreds of clusters and took 5-6 s under a loaded 2-core full run, past
    // vitest's 5 s default, while 2-3 s alone.
    testTimeout: 30_000,
  },
});
