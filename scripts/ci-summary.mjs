// Reads vitest's and Playwright's JSON reports and counts tests.
import { existsSync, readFileSync } from 'node:fs';

export function summarize(files) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const f of files) {
    if (!existsSync(f)) continue;
    let j;
    try {
      j = JSON.parse(readFileSync(f, 'utf8'));
    } catch {
      failed++;
      continue;
    }
    if (typeof j.numPassedTests === 'number') {
      // vitest
      passed += j.numPassedTests;
      failed += j.numFailedTests;
      skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    } else if (j.stats) {
      // Playwright
      passed += (j.stats.expected ?? 0) + (j.stats.flaky ?? 0);
      failed += j.stats.unexpected ?? 0;
      skipped += j.stats.skipped ?? 0;
    }
  }
  return { passed, failed, skipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarize(process.argv.slice(2));
  console.log(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  process.exit(s.failed > 0 || s.passed === 0 ? 1 : 0);
}
