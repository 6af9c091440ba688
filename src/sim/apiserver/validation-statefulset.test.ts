// A user's StatefulSet at the API server: SetDefaults_StatefulSet and statefulSetStrategy
// (defaults-statefulset.ts), ValidateStatefulSet / ValidateStatefulSetUpdate of 1.34
// (validation-statefulset.ts), status and generation handling (server.ts).
import { describe, expect, it } from 'vitest';
import type { Event, StatefulSet } from '../api/types';
import { createCluster } from '../cluster';

// biome-ignore lint/suspicious/noExplicitAny: test manifests.
type Any = any;

const doc = (spec: Any = {}, meta: Any = {}, tspec: Any = {}, tmeta: Any = {}): Any => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', ...meta },
  spec: {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' }, ...tmeta },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...tspec },
    },
    ...spec,
  },
});

const fields = (r: Any): string[] =>
  r.ok ? [] : r.error.details.causes.map((c: Any) => `${c.field}: ${c.message}`);

const FORBIDDEN =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

describe('StatefulSet defaulting (SetDefaults_StatefulSet, 1.34)', () => {
  it('defaults policy, strategy with partition 0, retention Retain/Retain, replicas, history and status', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const r = c.create(doc({ serviceName: undefined }));
    expect(r.ok).toBe(true);
    const s = (r as Any).object as StatefulSet;
    expect(Object.keys(s.spec)).toEqual([
      'replicas',
      'selector',
      'template',
      'serviceName',
      'podManagementPolicy',
      'updateStrategy',
      'revisionHistoryLimit',
      'persistentVolumeClaimRetentionPolicy',
    ]);
    expect(s.spec.replicas).toBe(1);
    expect(s.spec.serviceName).toBe('');
    expect(s.spec.podManagementPolicy).toBe('OrderedReady');
    expect(s.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(s.spec.revisionHistoryLimit).toBe(10);
    expect(s.spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    expect(s.metadata.generation).toBe(1);
    expect(s.status).toEqual({ replicas: 0, availableReplicas: 0 });
    expect(s.spec.template.spec.restartPolicy).toBe('Always');
  });

  it('adds no rollingUpdate to an explicit RollingUpdate or OnDelete type, and drops maxUnavailable (gate off)', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const a = (c.create(doc({ updateStrategy: { type: 'RollingUpdate' } })) as Any).object;
    expect(a.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
    const b = (c.create(doc({ updateStrategy: { type: 'OnDelete' } }, { name: 'b' })) as Any).object;
    expect(b.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    const m = c.create(
      doc({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } }, { name: 'm' }),
    ) as Any;
    expect(m.object.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  });

  it('keeps the stored status on update and bumps the generation only for a spec change', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    c.create(doc());
    c.advance(30_000);
    const cur = c.get('StatefulSet', 'default', 'web') as Any;
    expect(cur.status.readyReplicas).toBe(1);
    const same = c.update({ ...cur, metadata: { ...cur.metadata, labels: { a: 'b' } } }) as Any;
    expect(same.object.metadata.generation).toBe(1);
    expect(same.object.status).toEqual(cur.status);
    const scaled = c.update({ ...same.object, spec: { ...same.object.spec, replicas: 2 } }) as Any;
    expect(scaled.ok).toBe(true);
    expect(scaled.object.metadata.generation).toBe(2);
  });
});

describe('ValidateStatefulSet (1.34)', () => {
  it('reports the selector, policy, strategy, counts and template causes in the order the server lists them', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const r = c.create(
      doc(
        {
          podManagementPolicy: 'Sometimes',
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } },
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' },
          replicas: -2,
          minReadySeconds: -1,
          selector: { matchLabels: { app: 'other' } },
        },
        {},
        { restartPolicy: 'Never', activeDeadlineSeconds: 5 },
      ),
    );
    expect(fields(r)).toEqual([
      "spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'",
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
      'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    ]);
    expect((r as Any).error.message).toMatch(
      /^StatefulSet\.apps "web" is invalid: \[spec\.podManagementPolicy/,
    );
  });

  it('names: a DNS-1123 label (the Pods are named after it); missing and empty selectors', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    expect(fields(c.create(doc({}, { name: 'web.v1' })))).toEqual([
      "metadata.name: Invalid value: \"web.v1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(fields(c.create(doc({ selector: undefined })))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    ]);
    expect(fields(c.create(doc({ selector: {} })))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for statefulset',
    ]);
  });

  it('OnDelete with a rollingUpdate, and an unknown strategy type', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    expect(
      fields(c.create(doc({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }))),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":1,"MaxUnavailable":null}: only allowed for updateStrategy \'RollingUpdate\'',
    ]);
    expect(fields(c.create(doc({ updateStrategy: { type: 'Recreate' } })))).toEqual([
      'spec.updateStrategy: Invalid value: {"Type":"Recreate","RollingUpdate":null}: must be \'RollingUpdate\' or \'OnDelete\'',
    ]);
  });

  it('does not validate the pod spec: the controller reports each refused Pod as a FailedCreate Event', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const r = c.create(doc({}, {}, { containers: [{ name: 'Bad_Name', image: 'nginx:1.27' }] }));
    expect(r.ok).toBe(true);
    c.advance(2000);
    expect(c.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.name === 'web-0')).toEqual([]);
    const ev = (c.list('Event', { namespace: 'default' }) as Event[]).find(
      (e) => e.reason === 'FailedCreate',
    );
    expect(ev?.type).toBe('Warning');
    expect(ev?.message).toMatch(
      /^create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: /,
    );
  });
});

describe('ValidateStatefulSetUpdate (1.34)', () => {
  it('allows replicas, template, updateStrategy, minReadySeconds, revisionHistoryLimit, retention and ordinals', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const s = (c.create(doc()) as Any).object;
    const r = c.update({
      ...s,
      spec: {
        ...s.spec,
        replicas: 3,
        minReadySeconds: 5,
        revisionHistoryLimit: 2,
        ordinals: { start: 1 },
        updateStrategy: { type: 'OnDelete' },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
        template: { ...s.spec.template, metadata: { labels: { app: 'nginx', v: '2' } } },
      },
    });
    expect(fields(r)).toEqual([]);
  });

  it.each<[string, Any]>([
    ['serviceName', { serviceName: 'other' }],
    ['podManagementPolicy', { podManagementPolicy: 'Parallel' }],
    ['selector', { selector: { matchLabels: { app: 'nginx', tier: 'web' } } }],
    ['volumeClaimTemplates', { volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: {} }] }],
  ])("forbids a change of %s with 1.34's message", (_f, change) => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const s = (c.create(doc()) as Any).object;
    const spec = { ...s.spec, ...change };
    if (change.selector)
      spec.template = { ...s.spec.template, metadata: { labels: { app: 'nginx', tier: 'web' } } };
    expect(fields(c.update({ ...s, spec }))).toEqual([FORBIDDEN]);
  });
});

describe('serviceName is optional in 1.34', () => {
  it('a StatefulSet without one is accepted, served with serviceName "", its Pods without a subdomain', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const d = doc();
    delete d.spec.serviceName;
    const r = c.create(d) as Any;
    expect(fields(r)).toEqual([]);
    expect(r.object.spec.serviceName).toBe('');
    c.advance(10_000);
    const p = c.get('Pod', 'default', 'web-0') as Any;
    expect(p.spec.hostname).toBe('web-0');
    expect('subdomain' in p.spec).toBe(false);
  });
});
