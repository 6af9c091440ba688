import { describe, expect, it } from 'vitest';
import { formatLabels, matches, matchesLabelSelector } from '../api/labels';
import { parseSelector } from '../api/selector-parse';
import { parseManifests } from '../yaml';

describe('parseManifests', () => {
  it('returns every non-empty document in order', () => {
    const r = parseManifests('---\na: 1\n---\n# only a comment\n---\nb: 2\n', 'x.yaml');
    expect(r).toEqual({ ok: true, docs: [{ a: 1 }, { b: 2 }] });
  });

  it('an empty file gives no documents', () => {
    expect(parseManifests('', 'x.yaml')).toEqual({ ok: true, docs: [] });
  });

  it('a syntax error carries kubectl text with the line inside its document, plus absolute position', () => {
    const text = 'a: 1\n---\nkind: Service\nmetadata:\n  name: x\n   labels: y\n';
    const r = parseManifests(text, 'sleep/sleep2-service.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(
      'error parsing sleep/sleep2-service.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    );
    expect(r.error.line).toBe(6);
  });

  it('tabs in indentation', () => {
    const r = parseManifests('spec:\n\tports: []\n', 'a.yaml');
    expect(r.ok ? '' : r.error.message).toBe(
      'error parsing a.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token',
    );
  });

  it('refuses an alias bomb quickly instead of hanging', () => {
    let text = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
    let prev = 'a';
    for (const n of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      text += `${n}: &${n} [${Array(10).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    const r = parseManifests(text, 'bomb.yaml');
    expect(r.ok).toBe(false);
  });

  it('parses a large input', () => {
    const doc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n';
    const r = parseManifests(Array(2000).fill(doc).join('---\n'), 'big.yaml');
    expect(r.ok && r.docs.length).toBe(2000);
  });
});

describe('label selectors', () => {
  const l = { app: 'numbers-web', version: 'v2' };
  it.each([
    ['app=numbers-web', true],
    ['app==numbers-web,version=v2', true],
    ['version!=v2', false],
    ['version in (v1,v2)', true],
    ['version notin (v2)', false],
    ['app', true],
    ['!app', false],
    ['!tier', true],
    ['', true],
  ])('%s → %s', (sel, want) => {
    expect(matches(parseSelector(sel), l)).toBe(want);
  });

  it('LabelSelector objects and formatting', () => {
    expect(
      matchesLabelSelector(
        {
          matchLabels: { app: 'numbers-web' },
          matchExpressions: [{ key: 'version', operator: 'In', values: ['v2'] }],
        },
        l,
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector({ matchExpressions: [{ key: 'version', operator: 'DoesNotExist' }] }, l),
    ).toBe(false);
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
  });
});
