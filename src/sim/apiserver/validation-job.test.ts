// SetDefaults_Job + jobStrategy's generateSelector (defaults-job.ts) and ValidateJob /
// ValidateJobUpdate (validation-job.ts) of 1.34, through the simulated API server.
import { describe, expect, it } from 'vitest';
import type { Job, K8sObject } from '../api/types';
import { createCluster } from '../cluster';
import { validateJob } from './validation-job';

const base = (spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j', ...meta },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
      ...spec,
    },
  }) as unknown as K8sObject;

function create(obj: K8sObject): Job {
  const c = createCluster({ seed: 1 });
  const r = c.create(obj);
  if (!r.ok) throw new Error(r.error.message);
  return r.object as Job;
}

function causes(obj: K8sObject): string[] {
  const c = createCluster({ seed: 1 });
  const r = c.create(obj);
  if (r.ok) return [];
  return (r.error.details?.causes ?? []).map((x) => `${x.field}: ${x.message}`);
}

describe('SetDefaults_Job and the generated selector', () => {
  it('defaults a minimal Job as 1.34 stores it, spec keys in JobSpec order', () => {
    const j = create(base());
    const uid = j.metadata.uid as string;
    expect(Object.keys(j.spec)).toEqual([
      'parallelism',
      'completions',
      'backoffLimit',
      'selector',
      'manualSelector',
      'template',
      'completionMode',
      'suspend',
      'podReplacementPolicy',
    ]);
    expect(j.spec).toMatchObject({
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      manualSelector: false,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    });
    const generated = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'j',
      'controller-uid': uid,
      'job-name': 'j',
    };
    expect(j.spec.template.metadata?.labels).toEqual(generated);
    // The Job without labels shares the template's label map (SetDefaults_Job).
    expect(j.metadata.labels).toEqual(generated);
    expect(j.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
    expect(j.status).toEqual({});
  });

  it('parallelism alone leaves completions unset; a pod failure policy makes the replacement policy Failed', () => {
    const j = create(
      base({
        parallelism: 3,
        podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] },
      }),
    );
    expect(j.spec.completions).toBeUndefined();
    expect(j.spec.parallelism).toBe(3);
    expect(j.spec.podReplacementPolicy).toBe('Failed');
  });

  it('keeps the Job its own labels, and a manual selector generates nothing', () => {
    const own = create(base({}, { labels: { team: 'a' } }));
    expect(own.metadata.labels).toEqual({ team: 'a' });
    const manual = create(
      base({
        manualSelector: true,
        selector: { matchLabels: { app: 'x' } },
        template: {
          metadata: { labels: { app: 'x' } },
          spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] },
        },
      }),
    );
    expect(manual.spec.selector).toEqual({ matchLabels: { app: 'x' } });
    expect(manual.spec.template.metadata?.labels).toEqual({ app: 'x' });
    expect(manual.metadata.labels).toEqual({ app: 'x' });
  });
});

describe('ValidateJob', () => {
  it('restartPolicy: Always (or left to its default) is Required, another value Unsupported', () => {
    const tpl = (rp?: string) => ({
      template: {
        spec: { ...(rp ? { restartPolicy: rp } : {}), containers: [{ name: 'c', image: 'busybox' }] },
      },
    });
    const want = 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"';
    expect(causes(base(tpl()))).toEqual([want]);
    expect(causes(base(tpl('Always')))).toEqual([want]);
    expect(causes(base(tpl('OnFailure')))).toEqual([]);
  });

  it('a selector of the user without manualSelector is not auto-generated', () => {
    const errs = causes(
      base({
        selector: { matchLabels: { app: 'x' } },
        template: {
          metadata: { labels: { app: 'x' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] },
        },
      }),
    );
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /^spec\.selector: Invalid value: \{"matchLabels":\{"app":"x","batch\.kubernetes\.io\/controller-uid":"[0-9a-f-]{36}"\}\}: `selector` not auto-generated$/,
    );
  });

  it('Indexed needs completions; per-index fields need Indexed; the name must fit the last hostname', () => {
    expect(causes(base({ completionMode: 'Indexed', parallelism: 1 }))).toEqual([
      'spec.completions: Required value: when completion mode is Indexed',
    ]);
    expect(causes(base({ backoffLimitPerIndex: 1 }))).toEqual([
      'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
    ]);
    expect(causes(base({ maxFailedIndexes: 1 }))).toEqual([
      'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified',
      'spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode',
    ]);
    const name = 'a'.repeat(62);
    expect(causes(base({ completionMode: 'Indexed', completions: 10 }, { name }))).toEqual([
      `metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`,
    ]);
  });

  it('podReplacementPolicy: Failed only with a pod failure policy, else one of the two', () => {
    expect(causes(base({ podReplacementPolicy: 'Never' }))).toEqual([
      'spec.podReplacementPolicy: Unsupported value: "Never": supported values: "Failed", "TerminatingOrFailed"',
    ]);
  });
});

describe('ValidateJobUpdate', () => {
  it('keeps selector, completions and template; a suspended Job never started may change its scheduling', () => {
    const c = createCluster({ seed: 2 });
    const r = c.create(base({ suspend: true }));
    if (!r.ok) throw new Error(r.error.message);
    const j = r.object as Job;
    const upd = (spec: Record<string, unknown>) => {
      const u = c.update({ ...j, spec: { ...j.spec, ...spec } } as K8sObject);
      return u.ok ? 'ok' : u.error.message;
    };
    expect(upd({ completions: 2 })).toBe(
      'Job.batch "j" is invalid: spec.completions: Invalid value: 2: field is immutable',
    );
    expect(upd({ selector: { matchLabels: { a: 'b' } } })).toContain(
      'spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: field is immutable',
    );
    const nodeSelector = { 'kubernetes.io/os': 'linux' };
    expect(upd({ template: { ...j.spec.template, spec: { ...j.spec.template.spec, nodeSelector } } })).toBe(
      'ok',
    );
    expect(upd({ parallelism: 4, suspend: false })).toBe('ok');
    // Started now: the scheduling directives are fixed too.
    const started = {
      ...(c.get('Job', 'default', 'j') as Job),
      status: { startTime: '2026-01-08T09:30:00Z' },
    };
    const errs = validateJob(
      {
        ...started,
        spec: {
          ...started.spec,
          suspend: true,
          template: { ...started.spec.template, spec: { ...started.spec.template.spec, nodeSelector: {} } },
        },
      } as K8sObject,
      { ...started, spec: { ...started.spec, suspend: true } } as K8sObject,
    );
    expect(errs.map((e) => e.message.replace(/^Invalid value: .*: /, ''))).toEqual(['field is immutable']);
    expect(errs[0]?.field).toBe('spec.template');
  });
});
