import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointChain, serviceChain, sha256 } from './hash';

describe('kube-proxy chain hashes (reference §C7, verified examples)', () => {
  it.each([
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['default/sleep-2', 'tcp', 'KUBE-SVC-R2KEEMX25LTY33UE'],
    ['default/numbers-api', 'tcp', 'KUBE-SVC-BE5LIK4X2OAKIEFX'],
  ])('%s + %s → %s', (spn, proto, chain) => {
    expect(serviceChain('KUBE-SVC-', spn, proto)).toBe(chain);
  });
  it('SEP for default/sleep-2 + tcp + 10.1.0.31:80', () => {
    expect(endpointChain('default/sleep-2', 'TCP', '10.1.0.31:80')).toBe('KUBE-SEP-H2UATXNWCQVHCV7G');
  });
});

describe('sha256', () => {
  it('matches node:crypto on arbitrary strings (fuzz, seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const want = createHash('sha256').update(s, 'utf8').digest('hex');
        expect(Buffer.from(sha256(s)).toString('hex')).toBe(want);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
  it('handles the padding boundaries 55/56/64 bytes', () => {
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120]) {
      const s = 'a'.repeat(n);
      expect(Buffer.from(sha256(s)).toString('hex')).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });
});
