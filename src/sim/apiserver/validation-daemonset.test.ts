// A user's DaemonSet at the API server: SetDefaults_DaemonSet and the strategy's TemplateGeneration
// (defaults-daemonset.ts), ValidateDaemonSet / ValidateDaemonSetUpdate (validation-daemonset.ts),
// status and generation handling (server.ts).
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../api/types';
import { createCluster } from '../cluster';
import { NAME_ALPHABET } from './server';

// biome-ignore lint/suspicious/noExplicitAny: test manifests.
type Any = any;

const doc = (spec: Any = {}, meta: Any = {}, tmeta: Any = {}, tspec: Any = {}): Any => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', ...meta },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' }, ...tmeta },
      spec: { containers: [{ name: 'agent', image: 'nginx:1.27' }], ...tspec },
    },
    ...spec,
  },
});

const fields = (r: Any): string[] =>
  r.ok ? [] : r.error.details.causes.map((c: Any) => `${c.field}: ${c.message}`);

describe('DaemonSet defaulting', () => {
  it('defaults the strategy, the history limit, the status and TemplateGeneration 1', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const r = c.create(doc());
    expect(r.ok).toBe(true);
    const ds = (r as Any).object as DaemonSet;
    expect(ds.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.metadata.generation).toBe(1);
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.status).toEqual({
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 0,
      numberReady: 0,
    });
    expect(ds.spec.template.spec.restartPolicy).toBe('Always');
    expect(ds.spec.template.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
  });

  it('keeps a stated maxSurge and fills maxUnavailable; OnDelete gets no rollingUpdate', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const a = c.create(
      doc({ updateStrategy: { rollingUpdate: { maxSurge: '10%', maxUnavailable: 0 } } }),
    ) as Any;
    expect(a.object.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '10%', maxUnavailable: 0 },
    });
    const b = c.create(doc({ updateStrategy: { type: 'OnDelete' } }, { name: 'b' })) as Any;
    expect(b.object.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('takes a TemplateGeneration the create states, and counts template changes on update only', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const anno = { annotations: { 'deprecated.daemonset.template.generation': '5' } };
    const r = c.create(doc({}, anno)) as Any;
    expect(r.object.metadata.annotations['deprecated.daemonset.template.generation']).toBe('5');
    const cur = r.object as Any;
    // A spec change outside the template: generation + 1, TemplateGeneration kept.
    const u1 = c.update({ ...cur, spec: { ...cur.spec, minReadySeconds: 5 } }) as Any;
    expect(u1.object.metadata.generation).toBe(2);
    expect(u1.object.metadata.annotations['deprecated.daemonset.template.generation']).toBe('5');
    // A template change: both + 1, whatever the annotation sent says; the status sent is ignored
    // (the strategy's PrepareForUpdate keeps the stored one).
    const before = c.get('DaemonSet', 'default', 'agent') as Any;
    const t = before.spec.template;
    const u2 = c.update({
      ...before,
      metadata: { ...before.metadata, annotations: { 'deprecated.daemonset.template.generation': '1' } },
      spec: { ...before.spec, template: { ...t, metadata: { labels: { app: 'agent', v: '2' } } } },
      status: { ...before.status, numberReady: 99 },
    }) as Any;
    expect(u2.object.metadata.generation).toBe(3);
    expect(u2.object.metadata.annotations['deprecated.daemonset.template.generation']).toBe('6');
    expect(u2.object.status).toEqual(before.status);
  });
});

describe('ValidateDaemonSet', () => {
  it('checks the template labels and annotations at spec.template.labels / .annotations', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const r = c.create(
      doc(
        { selector: { matchLabels: { app: 'agent' } } },
        {},
        { labels: { app: 'agent', 'a/b/c': 'x' }, annotations: { '-bad': 'y' } },
      ),
    );
    expect(fields(r)).toEqual([
      "spec.template.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      "spec.template.annotations: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it('validates maxUnavailable and maxSurge as int or percent, at most 100%', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const r = c.create(
      doc({
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: -1, maxSurge: '101%' } },
      }),
    );
    expect(fields(r)).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0',
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "101%": must not be greater than 100%',
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "101%": may not be set when maxUnavailable is non-zero',
    ]);
  });

  it('sends the spec causes of an update twice (ValidateDaemonSet, then ValidateDaemonSetUpdate)', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const cur = (c.create(doc()) as Any).object;
    const r = c.update({ ...cur, spec: { ...cur.spec, revisionHistoryLimit: -1 } });
    expect(fields(r)).toEqual([
      'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
      'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect((r as Any).error.message).toMatch(/^DaemonSet\.apps "agent" is invalid: /);
  });

  it('generates a name from generateName with the API server alphabet', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const d = doc();
    d.metadata = { generateName: 'agent-' };
    const r = c.create(d) as Any;
    expect(r.object.metadata.name).toMatch(new RegExp(`^agent-[${NAME_ALPHABET}]{5}$`));
  });
});
