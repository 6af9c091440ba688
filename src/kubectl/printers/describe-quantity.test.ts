// Quantity.String() of a stored quantity, as kubectl describe prints it. The table is
// apimachinery v0.34.9's own TestQuantityParseEmit (pkg/api/resource/quantity_test.go); the
// property ties this printer to src/sim/controllers/spew-quantity.ts, which dumps the Quantity the
// API server stored: the printed text, stored and parsed again, is that same Quantity (value,
// format, kept string; the dump cannot tell two spellings apart when neither is kept, which the
// tables above pin).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spewQuantity } from '../../sim/controllers/spew-quantity';
import { quantityString, resourceFieldValue } from './describe-quantity';

describe('quantityString', () => {
  it("apimachinery's TestQuantityParseEmit, positive and negative", () => {
    const table: [string, string][] = [
      ['1Ki', '1Ki'],
      ['1Mi', '1Mi'],
      ['1Gi', '1Gi'],
      ['1024Mi', '1Gi'],
      ['1000M', '1G'],
      ['.001Ki', '1024m'],
      ['.000001Ki', '1024u'],
      ['.000000001Ki', '1024n'],
      ['.000000000001Ki', '2n'],
    ];
    for (const [input, want] of table) {
      expect(quantityString(input, false), input).toBe(want);
      expect(quantityString(`-${input}`, false), `-${input}`).toBe(`-${want}`);
    }
  });

  it('keeps a canonical string as written, canonicalises the rest', () => {
    const cases: [unknown, string][] = [
      ['100m', '100m'],
      ['70Mi', '70Mi'],
      ['129e6', '129e6'],
      ['129M', '129M'],
      ['128974848', '128974848'],
      ['128974848000m', '128974848'],
      ['123Mi', '123Mi'],
      ['8Gi', '8Gi'],
      ['2000Mi', '2000Mi'],
      ['1.5Gi', '1536Mi'],
      ['0.5', '500m'],
      [0.25, '250m'],
      [2, '2'],
      ['1000m', '1'],
      ['0', '0'],
      ['  64Mi ', '64Mi'],
      ['bogus', 'bogus'],
    ];
    for (const [input, want] of cases) expect(quantityString(input, true), String(input)).toBe(want);
  });

  it('a ResourceList value is rounded up to milli units first (SetDefaults_ResourceList)', () => {
    expect(quantityString('100u', true)).toBe('1m');
    expect(quantityString('100u', false)).toBe('100u');
    expect(quantityString('1500u', true)).toBe('2m');
    expect(quantityString('.000001Ki', true)).toBe('2m');
    expect(quantityString('.001Ki', true)).toBe('1024m');
    expect(quantityString('1n', true)).toBe('1m');
  });

  it('printed text re-parses to the Quantity the API server stored (spew-quantity dump)', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const suffix = fc.constantFrom(
      ...[
        '',
        'n',
        'u',
        'm',
        'k',
        'M',
        'G',
        'T',
        'P',
        'E',
        'Ki',
        'Mi',
        'Gi',
        'Ti',
        'Pi',
        'Ei',
        'e3',
        'E-2',
        'e0',
      ],
    );
    const quantity = fc
      .tuple(fc.constantFrom('', '-', '+'), digits(1, 21), fc.option(digits(0, 12)), suffix)
      .map(([sign, int, frac, suf]) => `${sign}${int}${frac === null ? '' : `.${frac}`}${suf}`);
    fc.assert(
      fc.property(quantity, fc.boolean(), (q, rl) => {
        expect(spewQuantity(quantityString(q, rl))).toBe(spewQuantity(q, rl));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('resourceFieldValue (kubectl ExtractContainerResourceValue)', () => {
  const resources = {
    limits: { cpu: '500m', memory: '1Gi', 'hugepages-2Mi': '4Mi' },
    requests: { cpu: '250m' },
  };
  it('ceil(value / divisor), cpu in milli units, a zero divisor meaning 1', () => {
    expect(resourceFieldValue('limits.cpu', '1m', resources)).toBe('500');
    expect(resourceFieldValue('limits.cpu', '0', resources)).toBe('1');
    expect(resourceFieldValue('requests.cpu', undefined, resources)).toBe('1');
    expect(resourceFieldValue('limits.memory', '1Mi', resources)).toBe('1024');
    expect(resourceFieldValue('limits.memory', undefined, resources)).toBe('1073741824');
    expect(resourceFieldValue('requests.memory', '1Mi', resources)).toBe('0');
    expect(resourceFieldValue('limits.hugepages-2Mi', '2Mi', resources)).toBe('2');
    expect(resourceFieldValue('limits.ephemeral-storage', undefined, resources)).toBe('0');
  });
  it('an unsupported resource has no value', () => {
    expect(resourceFieldValue('limits.nvidia.com/gpu', undefined, resources)).toBeUndefined();
    expect(resourceFieldValue('cpu', undefined, resources)).toBeUndefined();
  });
});
