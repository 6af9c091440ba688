// `kubectl explain cronjob…` from schema-cronjob.ts (k8s.io/api v0.34.9 batch/v1 doc comments).
import { describe, expect, it } from 'vitest';
import { explain } from './explain';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

describe('kubectl explain cronjob', () => {
  it('prints the batch group header and the spec fields, schedule and jobTemplate required', () => {
    expect(text('cronjobs').startsWith('GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n\n')).toBe(
      true,
    );
    const spec = text('cj.spec');
    expect([...spec.matchAll(/^ {2}(\w+)\t<([^>]+)>(.*)$/gm)].map((m) => `${m[1]} ${m[2]}${m[3]}`)).toEqual([
      'concurrencyPolicy string',
      'failedJobsHistoryLimit integer',
      'jobTemplate JobTemplateSpec -required-',
      'schedule string -required-',
      'startingDeadlineSeconds integer',
      'successfulJobsHistoryLimit integer',
      'suspend boolean',
      'timeZone string',
    ]);
  });

  it('concurrencyPolicy with its enum; the job template down to the Job spec; status.active', () => {
    expect(text('cronjob.spec.concurrencyPolicy')).toContain(
      'FIELD: concurrencyPolicy <string>\nENUM:\n    Allow\n    Forbid\n    Replace\n\n',
    );
    expect(text('cronjob.spec.jobTemplate.spec')).toContain('FIELD: spec <JobSpec>');
    expect(text('cronjob.spec.jobTemplate.spec.template.spec.restartPolicy')).toContain(
      'FIELD: restartPolicy <string>',
    );
    expect(text('cronjob.status.active')).toContain('FIELD: active <[]ObjectReference>');
    expect(text('cronjob.status.active')).toContain('  uid\t<string>');
  });
});
