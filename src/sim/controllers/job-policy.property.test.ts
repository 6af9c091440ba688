// Property test (fast-check, seed pinned) of the Job controller with random podFailurePolicy rules,
// exit codes per index, completions/parallelism/backoffLimit and backoffLimitPerIndex: whatever the
// mix, the conditions follow 1.34's order (FailureTarget before Failed, SuccessCriteriaMet before
// Complete, with the same reason and message; never both outcomes), a finished Job leaves no Pod
// holding the tracking finalizer, status.failed never exceeds the Pods made, a settled Job's sync
// run twice by hand writes nothing, and the same seed gives the same cluster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Event, Job, Pod } from '../api/types';
import { busyboxJobYaml, shCommand } from '../testing/manifests';
import { recordingContext } from './controller-testing';
import { jobSync } from './job-controller';

const CODES = [0, 1, 3, 42] as const;
const RULES = [
  '    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n',
  '    - action: Ignore\n      onExitCodes:\n        operator: In\n        values: [3]\n',
  '    - action: Count\n      onExitCodes:\n        operator: NotIn\n        values: [3, 42]\n',
  '    - action: FailIndex\n      onExitCodes:\n        operator: In\n        values: [1]\n',
] as const;

const caseArb = fc.record({
  indexed: fc.boolean(),
  completions: fc.integer({ min: 1, max: 3 }),
  parallelism: fc.integer({ min: 1, max: 3 }),
  backoffLimit: fc.integer({ min: 0, max: 2 }),
  perIndex: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
  rules: fc.uniqueArray(fc.integer({ min: 0, max: RULES.length - 1 }), { maxLength: 3 }),
  codes: fc.array(fc.constantFrom(...CODES), { minLength: 3, maxLength: 3 }),
  seed: fc.integer({ min: 1, max: 1000 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function manifest(c: Case): string {
  const perIndex = c.indexed && c.perIndex !== undefined;
  // FailIndex needs backoffLimitPerIndex (ValidateJob).
  const rules = c.rules.filter((r) => perIndex || r !== 3).map((r) => RULES[r]);
  const script = c.indexed
    ? `${c.codes.map((code, i) => `test "$JOB_COMPLETION_INDEX" = ${i} && sleep 2 && exit ${code}`).join('; ')}; exit 0`
    : `sleep 2; exit ${c.codes[0]}`;
  return busyboxJobYaml(
    'p',
    `  completions: ${c.completions}\n  parallelism: ${c.parallelism}\n${perIndex ? `  backoffLimitPerIndex: ${c.perIndex}\n` : `  backoffLimit: ${c.backoffLimit}\n`}${c.indexed ? '  completionMode: Indexed\n' : ''}${rules.length ? `  podFailurePolicy:\n    rules:\n${rules.join('')}` : ''}`,
    shCommand(script),
  );
}

function run(c: Case) {
  const d = kdrive({ seed: c.seed, profile: 'kind' });
  d.applyOk(manifest(c));
  for (let i = 0; i < 12; i++) d.advance(25_000);
  return d;
}

describe('Job controller with pod failure policies (property)', () => {
  it('keeps 1.34 condition order, releases finalizers, counts failures within the Pods made, settles', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = run(c);
        const job = d.get('Job', 'p') as Job;
        const conds = job.status?.conditions ?? [];
        const idx = (t: string) => conds.findIndex((x) => x.type === t && x.status === 'True');
        const pair = (interim: string, final: string) => {
          if (idx(final) < 0) return;
          expect(idx(interim)).toBeGreaterThanOrEqual(0);
          expect(idx(interim)).toBeLessThan(idx(final));
          const [a, b] = [conds[idx(interim)], conds[idx(final)]];
          expect(`${b?.reason}/${b?.message}`).toBe(`${a?.reason}/${a?.message}`);
        };
        pair('FailureTarget', 'Failed');
        pair('SuccessCriteriaMet', 'Complete');
        expect(idx('Failed') >= 0 && idx('Complete') >= 0).toBe(false);
        expect(idx('FailureTarget') >= 0 && idx('SuccessCriteriaMet') >= 0).toBe(false);
        const made = (d.cluster.list('Event', { namespace: 'default' }) as Event[]).filter(
          (e) => e.involvedObject.name === 'p' && e.reason === 'SuccessfulCreate',
        ).length;
        expect(job.status?.failed ?? 0).toBeLessThanOrEqual(made);
        const pods = d.pods({ namespace: 'default', labelSelector: 'job-name=p' }) as Pod[];
        if (idx('Failed') >= 0 || idx('Complete') >= 0)
          for (const p of pods)
            expect(p.metadata.finalizers ?? []).not.toContain('batch.kubernetes.io/job-tracking');
        // 300 s on, every case has settled: a hand-run sync twice writes nothing.
        const { api } = d.cluster.internals;
        const { ctx, writes } = recordingContext(d.cluster.internals);
        if (idx('Failed') >= 0 || idx('Complete') >= 0 || pods.every((p) => p.status?.phase !== 'Running')) {
          jobSync(api, 'Job/default/p', ctx);
          jobSync(api, 'Job/default/p', ctx);
          expect(writes).toEqual([]);
        }
        // Determinism: the same seed and manifest give the same cluster.
        expect(run(c).snapshot()).toBe(d.snapshot());
      }),
      { seed: 20261126, numRuns: 30 },
    );
  });
});
