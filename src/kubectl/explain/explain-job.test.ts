// `kubectl explain job…` from schema-job.ts (k8s.io/api v0.34.9 batch/v1 doc comments).
import { describe, expect, it } from 'vitest';
import { explain } from './explain';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

describe('kubectl explain job', () => {
  it('prints the batch group header and the spec fields, template required', () => {
    expect(text('jobs').startsWith('GROUP:      batch\nKIND:       Job\nVERSION:    v1\n\n')).toBe(true);
    const spec = text('job.spec');
    expect([...spec.matchAll(/^ {2}(\w+)\t<([^>]+)>(.*)$/gm)].map((m) => `${m[1]} ${m[2]}${m[3]}`)).toEqual([
      'activeDeadlineSeconds integer',
      'backoffLimit integer',
      'backoffLimitPerIndex integer',
      'completionMode string',
      'completions integer',
      'managedBy string',
      'manualSelector boolean',
      'maxFailedIndexes integer',
      'parallelism integer',
      'podFailurePolicy PodFailurePolicy',
      'podReplacementPolicy string',
      'selector LabelSelector',
      'successPolicy SuccessPolicy',
      'suspend boolean',
      'template PodTemplateSpec -required-',
      'ttlSecondsAfterFinished integer',
    ]);
  });

  it('explains completionMode and podReplacementPolicy with their enums, the template down to the pod spec', () => {
    expect(text('job.spec.completionMode')).toContain(
      'FIELD: completionMode <string>\nENUM:\n    Indexed\n    NonIndexed\n\n',
    );
    expect(text('jobs.spec.podReplacementPolicy')).toContain(
      'FIELD: podReplacementPolicy <string>\nENUM:\n    Failed\n    TerminatingOrFailed\n\n',
    );
    expect(text('job.spec.backoffLimit')).toContain(
      'DESCRIPTION:\n    Specifies the number of retries before marking this job failed. Defaults to\n    6, unless backoffLimitPerIndex (only Indexed Job) is specified. When\n',
    );
    expect(text('job.spec.template.spec.restartPolicy')).toContain('FIELD: restartPolicy <string>');
    expect(text('job.spec.podFailurePolicy.rules.action')).toContain(
      'FIELD: action <string>\nENUM:\n    Count\n    FailIndex\n    FailJob\n    Ignore\n\n',
    );
  });

  it("marks a condition's type and status required, and nothing in the status itself", () => {
    expect([...text('job.status').matchAll(/^ {2}(\w+)\t<[^>]+> -required-$/gm)]).toEqual([]);
    const c = text('job.status.conditions');
    expect([...c.matchAll(/^ {2}(\w+)\t<[^>]+> -required-$/gm)].map((m) => m[1])).toEqual(['status', 'type']);
  });
});
