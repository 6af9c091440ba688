// lastAppliedFor writes the usual document's copies as literals (./apply): the annotation must be
// what the copying way gives (kubectl's sorted-key JSON of the document with its namespace and
// without a last-applied annotation) for the usual shapes and for every other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAST_APPLIED, lastAppliedFor } from './apply';
import { goJsonMarshal } from './apply-patch';

// biome-ignore lint/suspicious/noExplicitAny: documents are loosely typed JSON here.
type Any = any;

/** The copying way (the function before the literals). */
function reference(doc: Record<string, unknown>, namespace: string | undefined): string {
  const meta: Any = { ...(doc.metadata as Any) };
  const annotations: Any = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  if (namespace !== undefined) meta.namespace = namespace;
  return `${goJsonMarshal({ ...doc, metadata: meta })}\n`;
}

const spec = { replicas: 2, selector: { matchLabels: { app: 'a' } }, template: { spec: { containers: [] } } };

describe('lastAppliedFor', () => {
  const docs: Record<string, Any> = {
    name: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec },
    labels: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'a', labels: { x: '<&>' } },
      spec,
    },
    labelsFirst: { apiVersion: 'v1', kind: 'Service', metadata: { labels: { x: 'y' }, name: 'a' }, spec },
    namespaced: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', namespace: 'other' }, spec },
    annotated: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', annotations: { [LAST_APPLIED]: 'old', b: '1' } },
      spec,
    },
    data: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } },
    kindFirst: { kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'a' }, spec },
    status: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec, status: {} },
    undefinedLabels: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', labels: undefined }, spec },
    numberName: { apiVersion: 'v1', kind: 'Service', metadata: { name: 7 }, spec },
  };
  for (const [what, doc] of Object.entries(docs))
    for (const ns of ['default', undefined])
      it(`${what}, namespace ${ns}`, () => {
        expect(lastAppliedFor(doc, ns)).toBe(reference(doc, ns));
      });

  it('random usual documents', () => {
    const str = fc.string({ maxLength: 6 });
    fc.assert(
      fc.property(
        str,
        fc.option(fc.dictionary(str, str), { nil: undefined }),
        fc.option(str, { nil: undefined }),
        fc.jsonValue(),
        (name, labels, ns, specValue) => {
          const metadata: Any = labels === undefined ? { name } : { name, labels };
          const doc = { apiVersion: 'v1', kind: 'Service', metadata, spec: specValue };
          expect(lastAppliedFor(doc, ns)).toBe(reference(doc, ns));
        },
      ),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
