// isQualifiedName, the allocation-free scan label keys go through on every write, answers exactly
// when IsQualifiedName's regexps find nothing (the causes themselves still come from them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQualifiedName } from './labels';

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** IsQualifiedName by its regexps and lengths, as labels.ts wrote it before the scan. */
function byRegexps(k: string): boolean {
  const parts = k.split('/');
  let name = k;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0 || prefix.length > 253 || !SUBDOMAIN_RE.test(prefix)) return false;
  } else if (parts.length > 2) return false;
  return name.length > 0 && name.length <= 63 && NAME_RE.test(name);
}

describe('isQualifiedName', () => {
  it('agrees with the regexps on keys made of the characters that matter', () => {
    const ch = fc.constantFrom(...'aZ09-_./.-aAb/'.split(''), 'é', ' ');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (cs) => {
        const k = cs.join('');
        expect(isQualifiedName(k)).toBe(byRegexps(k));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on the usual keys and the length limits', () => {
    for (const k of [
      'app',
      'pod-template-hash',
      'kubernetes.io/service-name',
      'endpointslice.kubernetes.io/managed-by',
      'a'.repeat(63),
      'a'.repeat(64),
      `${'a'.repeat(253)}/x`,
      `${'a'.repeat(254)}/x`,
      `${'a.'.repeat(126)}a/x`,
      'Example.com/x',
      'example..com/x',
      '.example.com/x',
      'example.com./x',
      '-a.com/x',
      'a-.com/x',
      '/x',
      'x/',
      'a/b/c',
      '',
    ])
      expect(isQualifiedName(k), k).toBe(byRegexps(k));
  });
});
