// `npm test`: every check, in the order CI runs them — typecheck, lint (Biome + the pure-core
// rules), unit tests (vitest), production build, end-to-end tests (Playwright in Chromium).
// Writes machine-readable results to .ci-out/ and prints one closing line
// `N passed, N failed, N skipped`; exits non-zero on any failure or when no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { summarize } from './ci-summary.mjs';
import { findBrowser } from './find-browser.mjs';

const t0 = Date.now();
const step = (name) => console.log(`\n=== [${Math.round((Date.now() - t0) / 1000)}s] ${name}`);
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

rmSync('.ci-out', { recursive: true, force: true });
mkdirSync('.ci-out', { recursive: true });
const failures = [];

step('typecheck');
if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) failures.push('typecheck');

step('lint');
if (run('npx', ['biome', 'ci', '--colors=off', 'src', 'e2e', 'scripts']) !== 0) failures.push('lint (biome)');
if (run('node', ['scripts/check-purity.mjs']) !== 0) failures.push('lint (pure core)');

step('unit tests');
if (!existsSync('../shared/kiamol-ch03')) {
  console.log(
    "NOTE: ../shared/kiamol-ch03 (the book's manifests, test data) is not beside this checkout: the tests that compare against the book's own files are skipped; everything else runs on the playground's built-in copies.",
  );
}
if (
  run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=.ci-out/vitest.json',
  ]) !== 0
)
  failures.push('unit tests');

step('build');
const buildOk = run('npx', ['vite', 'build']) === 0;
if (!buildOk) failures.push('build');

step('e2e');
const browser = findBrowser();
if (!browser) {
  console.error(
    "No Chromium for the end-to-end tests: install Debian's `chromium` (apt-get install chromium fonts-liberation) or set CHROMIUM_PATH.",
  );
  failures.push('e2e (no browser)');
} else if (!buildOk) {
  console.error('Skipping e2e: the build failed.');
  failures.push('e2e (no build)');
} else {
  console.log(`browser: ${browser}`);
  if (
    run('npx', ['playwright', 'test', '--reporter=list,json'], {
      CHROMIUM_PATH: browser,
      PLAYWRIGHT_JSON_OUTPUT_NAME: '.ci-out/playwright.json',
    }) !== 0
  )
    failures.push('e2e');
}

step('summary');
const s = summarize(['.ci-out/vitest.json', '.ci-out/playwright.json']);
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
process.exit(failures.length || s.failed > 0 || s.passed === 0 ? 1 : 0);
