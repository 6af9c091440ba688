// Property: after any sequence of `kubectl config` changes, later commands use the current
// context's namespace (or `default`), `-n` overrides it, and replaying the same lines gives the
// same transcript. Seeded (fast-check); a failure prints the seed and the shrunk line list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../replay';

const SEED = 20261126;
const NAMESPACES = ['ns-a', 'ns-b', 'default', ''];
const CONTEXTS = ['docker-desktop', 'dev', 'ops'];

const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(...NAMESPACES))
    .map(([ns]) => `kubectl config set-context --current --namespace=${ns}`),
  fc
    .tuple(fc.constantFrom(...CONTEXTS), fc.constantFrom(...NAMESPACES))
    .map(
      ([c, ns]) =>
        `kubectl config set-context ${c} --cluster=docker-desktop --user=docker-desktop --namespace=${ns}`,
    ),
  fc.constantFrom(...CONTEXTS).map((c) => `kubectl config use-context ${c}`),
);

function out(r: { output: { text: string }[] }): string {
  return r.output.map((c) => c.text).join('');
}

describe('kubectl config (property)', () => {
  it('the context namespace is the default namespace; -n overrides; replay is deterministic', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const script = lines.join('\n');
        const a = replay(script, { seed: 5, thinkMs: 0 });
        const b = replay(script, { seed: 5, thinkMs: 0 });
        expect(b.transcript).toBe(a.transcript);
        const ns =
          out(a.session.run('kubectl config view --minify -o jsonpath={.contexts[0].context.namespace}')) ||
          'default';
        expect(out(a.session.run('kubectl get deploy'))).toBe(`No resources found in ${ns} namespace.\n`);
        expect(out(a.session.run('kubectl get deploy -n ns-c'))).toBe(
          'No resources found in ns-c namespace.\n',
        );
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
