// Whatever the student (or a hostile share link's `edit` op) leaves in kubectl edit's file, the
// loop ends cleanly or reopens the editor: never an internal error, never a stuck terminal, and
// the Deployment is either unchanged or changed exactly as a patch can change it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deploymentYaml } from '../../sim/testing/manifests';
import { kdrive } from '../testing';

const SEED = 20261126;

const WEB = deploymentYaml('web', { name: 'web', image: 'nginx' }, { replicas: 2 });

/** A line-level mutation of the file: delete, duplicate, replace with junk, re-indent. */
const mutation = fc.record({
  line: fc.nat({ max: 120 }),
  kind: fc.constantFrom('delete', 'duplicate', 'junk', 'indent', 'value'),
  junk: fc.string({ unit: fc.constantFrom(...'ab :-#{}[]&*!|>\'"\n\t0123'.split('')), maxLength: 30 }),
});

function mutate(text: string, ms: { line: number; kind: string; junk: string }[]): string {
  const lines = text.split('\n');
  for (const m of ms) {
    const i = m.line % lines.length;
    const l = lines[i] ?? '';
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, l);
    else if (m.kind === 'junk') lines[i] = m.junk;
    else if (m.kind === 'indent') lines[i] = ` ${l}`;
    else lines[i] = l.replace(/:\s.*$/, `: ${m.junk}`);
  }
  return lines.join('\n');
}

describe('kubectl edit: hostile file texts', () => {
  it('mutated files and binary junk never throw, and every pass leaves kubectl done or waiting', () => {
    const d = kdrive({ seed: 4 });
    d.session.fs.write('/home/student/ch03/web.yaml', WEB);
    d.kubectl('apply -f web.yaml').advance(10_000);
    fc.assert(
      fc.property(
        fc.array(mutation, { maxLength: 6 }),
        fc.option(fc.string({ unit: 'binary', maxLength: 200 })),
        (ms, junk) => {
          if (d.session.busy()) d.session.interrupt();
          d.kubectl('edit deploy/web');
          const e = d.session.editing();
          expect(e).toBeDefined();
          if (!e) return;
          d.session.finishEdit(junk ?? mutate(e.text, ms));
          const out = d.session
            .poll()
            .map((c) => c.text)
            .join('');
          expect(out).not.toContain('internal error');
          // Either the run ended, or kubectl waits on a new file with its reasons.
          const again = d.session.editing();
          expect(d.session.busy()).toBe(again !== undefined);
          if (again) {
            expect(again.path).not.toBe(e.path);
            d.session.finishEdit(again.text);
            const out2 = d.session
              .poll()
              .map((c) => c.text)
              .join('');
            expect(out2).toContain('Edit cancelled, no valid changes were saved.');
            expect(d.session.busy()).toBe(false);
          }
          expect(d.cluster.get('Deployment', 'default', 'web')).toBeDefined();
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});
