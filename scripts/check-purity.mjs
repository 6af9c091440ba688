// The pure core (src/sim, src/kubectl) must not reach for the world: no wall clock, no global
// randomness, no timers, no DOM. Biome's rules cover imports and bare globals; this catches the
// member forms Biome cannot (Date.now(), Math.random(), performance.now(), new Date()).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src/sim', 'src/kubectl'];
const banned = [
  [/\bDate\.now\s*\(/, 'Date.now(): use the injected clock'],
  [/\bnew Date\s*\(\s*\)/, 'new Date(): use the injected clock'],
  [/\bMath\.random\s*\(/, 'Math.random(): use the seeded rng'],
  [/\bperformance\.now\s*\(/, 'performance.now(): time is simulated'],
  [/\b(setTimeout|setInterval|requestAnimationFrame|queueMicrotask)\s*\(/, 'timers: time is simulated'],
  [/\b(window|document|localStorage|navigator)\./, 'DOM globals: the core has no DOM'],
  [
    /from\s+['"](react|react-dom|zustand|@xyflow\/react|monaco-editor|@monaco-editor\/react|@xterm\/xterm)['"]/,
    'UI import in the core',
  ],
];
const problems = [];
const walk = (dir) => {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(e) && !/\.test\.tsx?$/.test(e) && !/\.bench\.ts$/.test(e)) {
      const lines = readFileSync(p, 'utf8').split('\n');
      lines.forEach((line, i) => {
        // Comments say why; only code counts (line comments, and doc/block comment lines).
        if (/^\s*(\*|\/\*|\/\/)/.test(line)) return;
        const code = line.replace(/\/\/.*$/, '');
        for (const [re, why] of banned)
          if (re.test(code)) problems.push(`${p}:${i + 1}: ${why}\n    ${line.trim()}`);
      });
    }
  }
};
for (const r of roots) walk(r);
if (problems.length) {
  console.error(`pure-core check: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('pure-core check: src/sim and src/kubectl are clean');
