// Property (fast-check, seed 20261126): whatever sequence of template changes, `rollout undo` and
// `rollout undo --to-revision` a user DaemonSet goes through, with any revisionHistoryLimit, once
// settled its ControllerRevisions are what a model of update.go's history rules (worked out here,
// not from the controller) says: a template seen before gets its revision renumbered max+1, a new
// one is added as max+1, old ones beyond the limit go lowest first; exactly one revision matches
// the DaemonSet's template and it has the highest number; every live Pod carries its hash, which
// is its name's suffix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

const IMAGES = ['nginx:1.25', 'nginx:1.26', 'nginx:1.27', 'nginx:1.28'];

type Op = { t: 'image'; image: string } | { t: 'undo' } | { t: 'to'; revision: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom(...IMAGES).map((image) => ({ t: 'image' as const, image })),
  fc.constant({ t: 'undo' as const }),
  fc.integer({ min: 1, max: 8 }).map((revision) => ({ t: 'to' as const, revision })),
);

const manifest = (image: string, limit: number) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  revisionHistoryLimit: ${limit}
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: ${image}
`;

describe('DaemonSet history property', () => {
  it('revisions follow the history rules through changes and undos', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(opArb, { maxLength: 6 }), (limit, ops) => {
        const d = kdrive({ seed: 3, profile: 'kind' });
        // The model: image -> revision.
        const model = new Map<string, number>();
        const setTemplate = (image: string) => {
          const max = Math.max(0, ...model.values());
          if (model.get(image) !== max) model.set(image, max + 1);
          const old = [...model.entries()].filter(([i]) => i !== image).sort((a, b) => a[1] - b[1]);
          for (const [i] of old.slice(0, Math.max(0, old.length - limit))) model.delete(i);
        };
        const apply = (image: string) => {
          d.session.fs.write('/home/student/ch03/ds.yaml', manifest(image, limit));
          d.kubectl('apply -f ds.yaml');
        };
        apply('nginx:1.24');
        setTemplate('nginx:1.24');
        d.advance(120_000);
        for (const op of ops) {
          if (op.t === 'image') {
            apply(op.image);
            setTemplate(op.image);
          } else {
            const byRev = [...model.entries()].sort((a, b) => a[1] - b[1]);
            d.kubectl(
              op.t === 'undo'
                ? 'rollout undo ds/agent'
                : `rollout undo ds/agent --to-revision=${op.revision}`,
            );
            const target =
              op.t === 'undo' ? byRev[byRev.length - 2]?.[0] : byRev.find(([, r]) => r === op.revision)?.[0];
            if (target === undefined) expect(d.exitCode()).toBe(1);
            else {
              expect(d.exitCode()).toBe(0);
              setTemplate(target);
            }
          }
          d.advance(180_000);
        }
        const crs = d.cluster.list('ControllerRevision', { namespace: 'default' }) as ControllerRevision[];
        const got = new Map(
          crs.map((cr) => [cr.data.spec.template.spec.containers[0].image as string, cr.revision]),
        );
        expect(got).toEqual(model);
        const ds = d.cluster.get('DaemonSet', 'default', 'agent') as DaemonSet;
        const image = ds.spec.template.spec.containers[0]?.image as string;
        expect(model.get(image)).toBe(Math.max(...model.values()));
        const cur = crs.find((cr) => cr.revision === model.get(image)) as ControllerRevision;
        const hash = cur.metadata.labels?.['controller-revision-hash'];
        expect(cur.metadata.name).toBe(`agent-${hash}`);
        const pods = (
          d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=agent' }) as Pod[]
        ).filter((p) => !p.metadata.deletionTimestamp);
        expect(pods.length).toBe(2);
        for (const p of pods) {
          expect(p.metadata.labels?.['controller-revision-hash']).toBe(hash);
          expect(p.spec.containers[0]?.image).toBe(image);
        }
      }),
      { numRuns: 20, seed: 20261126 },
    );
  });
});
