// The new ReplicaSet's selector and template (deployment.ts newSelector, newTemplate): literals for
// the usual keys, copyWith for any other; the same keys in the same order and the same values.
import { describe, expect, it } from 'vitest';
import { copyWith } from '../apiserver/copy';
import { newSelector, newTemplate } from './deployment';

// biome-ignore lint/suspicious/noExplicitAny: templates are loosely typed JSON here.
type Any = any;

const H = 'pod-template-hash';
const bySpread = {
  selector: (sel: Any, hash: string) => copyWith(sel, 'matchLabels', copyWith(sel.matchLabels, H, hash)),
  template: (tpl: Any, labels: Any) => copyWith(tpl, 'metadata', copyWith(tpl.metadata, 'labels', labels)),
};
const same = (a: unknown, b: unknown) => {
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  expect(a).toEqual(b);
};

describe('the new ReplicaSet selector and template', () => {
  const spec = { containers: [{ name: 'a', image: 'nginx' }] };
  const selectors: Any[] = [
    { matchLabels: { app: 'a' } },
    { matchLabels: { app: 'a' }, matchExpressions: [{ key: 'k', operator: 'Exists' }] },
    { matchExpressions: [{ key: 'k', operator: 'Exists' }], matchLabels: { app: 'a' } },
    { matchExpressions: [{ key: 'k', operator: 'Exists' }] },
    {},
  ];
  const templates: Any[] = [
    { metadata: { labels: { app: 'a' } }, spec },
    { spec, metadata: { labels: { app: 'a' } } },
    { metadata: { labels: { app: 'a' }, annotations: { x: 'y' } }, spec },
    { metadata: { annotations: { x: 'y' }, labels: { app: 'a' } }, spec },
    { metadata: {}, spec },
    { spec },
    { metadata: { labels: { app: 'a' } }, spec, extra: 1 },
  ];
  it('selectors', () => {
    for (const sel of selectors) same(newSelector(sel, 'abc'), bySpread.selector(sel, 'abc'));
  });
  it('templates', () => {
    for (const tpl of templates) {
      const labels = copyWith(tpl.metadata?.labels, H, 'abc');
      const t = newTemplate(tpl, labels);
      same(t, bySpread.template(tpl, labels));
      expect(t.spec).toBe(tpl.spec);
    }
  });
});
