// Golden transcripts of the whole chapter (issue #3 §5), through the same replay the browser
// terminal uses: once with the playground's built-in files, once with the book's own files
// mounted over ~/ch03. Volatile values (generated names, allocated IPs and ports, ages, ping
// times, random numbers) are normalised, not ignored. Regenerate deliberately with
// UPDATE_GOLDEN=1 npx vitest run src/kubectl/golden, then review the diff line by line.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../replay';
import { normalizeTranscript } from './normalize';

const HERE = __dirname;
const BOOK = join(HERE, '../../../../shared/kiamol-ch03');
const SCRIPT = readFileSync(join(HERE, 'ch03.script'), 'utf8');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function golden(name: string, actual: string): void {
  const file = join(HERE, name);
  if (UPDATE || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('chapter 3 golden transcript (built-in files)', () => {
  const run = replay(SCRIPT, { seed: 1 });
  const raw = run.transcript;

  it('matches the checked-in transcript', () => {
    golden('ch03.builtin.golden.txt', normalizeTranscript(raw));
  });

  it('is deterministic: same seed, same script, same transcript and traces', () => {
    const again = replay(SCRIPT, { seed: 1 });
    expect(again.transcript).toBe(raw);
    expect(again.steps.map((s) => s.traces.length)).toEqual(run.steps.map((s) => s.traces.length));
  });

  it('shows what the chapter teaches', () => {
    const step = (prefix: string, n = 0) => run.steps.filter((s) => s.line.startsWith(prefix))[n];
    const out = (s: (typeof run.steps)[number] | undefined) => (s?.output ?? []).map((c) => c.text).join('');
    // The Pod IP changes after delete, and ping by Pod IP works.
    const ipBefore = out(step('kubectl get pod -l app=sleep-2 --output jsonpath', 0));
    const ipAfter = out(step('kubectl get pod -l app=sleep-2 --output jsonpath', 1));
    expect(ipBefore).toMatch(/^10\.1\.0\.\d+$/);
    expect(ipAfter).not.toBe(ipBefore);
    expect(out(step('kubectl exec deploy/sleep-1 -- ping -c 2'))).toContain(
      '2 packets transmitted, 2 packets received, 0% packet loss',
    );
    // ping to the Service name resolves to the ClusterIP and loses everything.
    const ping = step('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
    expect(out(ping)).toMatch(/^PING sleep-2 \(10\.\d+\.\d+\.\d+\): 56 data bytes\n/);
    expect(out(ping)).toContain('100% packet loss\ncommand terminated with exit code 1\n');
    expect(ping?.exitCode).toBe(1);
    // numbers-web fails before the numbers-api Service exists, works after, and after the Pod is replaced.
    const web = run.steps.filter((s) => s.line.startsWith('curl -s -d')).map(out);
    expect(web[0]).toContain('RNG service unavailable!');
    expect(web[1]).toMatch(/Here it is: \d+/);
    expect(web[2]).toMatch(/Here it is: \d+/);
    expect(web[4]).toContain('Here it is: 42');
    // Endpoints stay <none> after the Deployment goes; service/kubernetes comes back.
    expect(out(step('kubectl get endpoints sleep-2', 2))).toMatch(/sleep-2 {3}<none> /);
    expect(out(step('kubectl get all'))).toMatch(
      /^NAME {17}TYPE .*\nservice\/kubernetes {3}ClusterIP {3}10\.96\.0\.1 /,
    );
    // Lab: a selector on app only balances across both web versions (v2 = the Comic Sans
    // stylesheet); adding version: v2 leaves only the v2 Pod behind port 8088.
    const css = run.steps.filter((s) => s.line.startsWith('curl -s localhost:8088/css/site.css')).map(out);
    expect(css).toHaveLength(9);
    expect(new Set(css.slice(0, 6))).toEqual(new Set(['0\n', '1\n']));
    expect(css.slice(6)).toEqual(['1\n', '1\n', '1\n']);
    const labEp = run.steps.filter((s) => s.line === 'kubectl get endpoints numbers-web').map(out);
    expect(labEp[0]).toMatch(/numbers-web {3}10\.1\.0\.\d+:80,10\.1\.0\.\d+:80 /);
    expect(labEp[1]).toMatch(/numbers-web {3}10\.1\.0\.\d+:80 {3}/);
    expect(web[web.length - 1]).toMatch(/^Here it is: \d+\n$/);
  });
});

describe.skipIf(!existsSync(BOOK))(`chapter 3 golden transcript with the book's files from ${BOOK}`, () => {
  it('matches the checked-in transcript', () => {
    const run = replay(SCRIPT, { seed: 1, mounts: [{ dir: '/home/student/ch03', files: readTree(BOOK) }] });
    golden('ch03.book.golden.txt', normalizeTranscript(run.transcript));
  });
});

const NOTES = join(HERE, '../../../../shared/seed/ch03-services-notes.ko.md');

describe.skipIf(!existsSync(NOTES))("every command of the notes' closing list (issue #3 §5)", () => {
  it('runs without an unexpected error', () => {
    const md = readFileSync(NOTES, 'utf8');
    const list = md
      .slice(md.lastIndexOf('\n# '))
      .split('\n')
      .filter((l) => l.startsWith('- kubectl'))
      .map((l) => l.slice(2));
    expect(list.length).toBeGreaterThan(20);
    const run = replay(list.join('\n'), { seed: 1 });
    run.steps.forEach((s) => {
      const out = s.output.map((c) => c.text).join('');
      expect(out, s.line).not.toContain('internal error');
      expect(out, s.line).not.toContain('command not found');
      // The only failures are the ones the chapter means: the notes' own typo (`output` without
      // `--`, which kubectl refuses) and ping to a Service name (100% loss, exit 1).
      if (s.exitCode !== 0) {
        expect([
          "kubectl get pod -l app=sleep-2 output jsonpath='{.items[0].status.podIP}'",
          'kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2',
        ]).toContain(s.line);
      }
    });
  });
});
