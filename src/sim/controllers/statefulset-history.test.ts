// The revision hash (HashControllerRevision over getPatch's bytes and the collisionCount, then
// SafeEncodeString) checked against revisions real clusters named: three `kubectl get sts -o yaml`
// dumps found in public notes (before 1.33, so the template's metadata still carried
// `creationTimestamp: null`; from 1.33 on metav1.Time is omitzero and the key is gone).
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { goJson, revisionHash, revisionName, statefulSetPatch } from './statefulset-history';

const tpl = (image: string, pull: string, grace: number, withNullTimestamp = true) => ({
  metadata: { ...(withNullTimestamp ? { creationTimestamp: null } : {}), labels: { app: 'nginx' } },
  spec: {
    containers: [
      {
        image,
        imagePullPolicy: pull,
        name: 'nginx',
        ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: grace,
  },
});

const set = (template: unknown) =>
  ({ metadata: { name: 'web' }, spec: { template } }) as unknown as K8sObject;
const hashOf = (template: unknown, collisions = 0) =>
  revisionHash(goJson(statefulSetPatch(set(template))), collisions);

describe('StatefulSet revision hash', () => {
  it.each([
    ['nginx', 'Always', 30, 'b486b4959'],
    ['nginx:1.16.1', 'IfNotPresent', 10, '78c4f54fd4'],
    ['swr.cn-north-4.myhuaweicloud.com/ddn-k8s/docker.io/nginx:latest', 'Always', 30, '5458f7c8b7'],
  ] as const)('%s (%s, grace %d) hashes to web-%s as a real cluster named it', (image, pull, grace, want) => {
    expect(hashOf(tpl(image, pull, grace))).toBe(want);
    expect(revisionName(set(tpl(image, pull, grace)), want)).toBe(`web-${want}`);
  });

  it('depends on the collisionCount and on the template bytes (1.34 leaves creationTimestamp out)', () => {
    const t = tpl('nginx', 'Always', 30);
    expect(hashOf(t, 1)).not.toBe(hashOf(t, 0));
    expect(hashOf(tpl('nginx', 'Always', 30, false))).not.toBe(hashOf(t));
    expect(hashOf(tpl('nginx', 'Always', 30, false))).toMatch(/^[4-9bcdf]{1,10}$/);
  });

  it('writes the patch as json.Marshal does: keys sorted, $patch first, HTML characters escaped', () => {
    const t = tpl('a<b>&c', 'Always', 30, false);
    const p = goJson(statefulSetPatch(set(t)));
    expect(
      p.startsWith(
        '{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"a\\u003cb\\u003e\\u0026c",',
      ),
    ).toBe(true);
  });
});
