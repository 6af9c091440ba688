// The quick checks that clear the usual Endpoints address and port without building field paths
// give the same causes as the full validators on addresses and ports of every shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushEndpointSubsetErrors } from './validation-endpoints';
import { endpointIPErrors, legacyIPErrors } from './validation-ip';

describe('pushEndpointSubsetErrors quick checks', () => {
  it('an address has exactly the IP causes of the full checks', () => {
    const ch = fc.constantFrom(...'0125679.:'.split(''), '1', '2', '5', '.', 'a');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 16 }), (cs) => {
        const ip = cs.join('');
        const out: { field: string; message: string }[] = [];
        pushEndpointSubsetErrors(out, [{ addresses: [{ ip }], ports: [{ port: 80, protocol: 'TCP' }] }]);
        const f = 'subsets[0].addresses[0].ip';
        expect(out).toEqual([...legacyIPErrors(f, ip), ...endpointIPErrors(f, ip)]);
      }),
      { numRuns: 3000 },
    );
    for (const ip of [
      '0.0.0.0',
      '127.0.0.1',
      '169.254.1.1',
      '224.0.0.5',
      '224.0.1.5',
      '10.1.0.7',
      '010.1.0.7',
      '256.1.1.1',
    ])
      for (const list of ['addresses', 'notReadyAddresses']) {
        const out: { field: string; message: string }[] = [];
        pushEndpointSubsetErrors(out, [{ [list]: [{ ip, hostname: 'Bad_Host', nodeName: 'n1' }] }]);
        expect(out.length, ip).toBeGreaterThan(0);
      }
  });

  it('ports: names, numbers, protocols and appProtocols', () => {
    const cases: unknown[] = [
      [{ port: 80, protocol: 'TCP' }],
      [
        { port: 80, protocol: 'TCP' },
        { name: 'b', port: 81, protocol: 'UDP' },
      ],
      [{ name: 'Bad_', port: 0, protocol: 'tcp', appProtocol: 'a/b/c' }],
      [{ name: 'a', port: 70000, protocol: '' }],
      [{ name: 7, port: 80, protocol: 'TCP' }],
      [{ port: 80, protocol: 'SCTP', appProtocol: 'kubernetes.io/h2c' }],
    ];
    const got = cases.map((ports) => {
      const out: { field: string; message: string }[] = [];
      pushEndpointSubsetErrors(out, [{ addresses: [{ ip: '10.1.0.7' }], ports }]);
      return out.map((e) => `${e.field}: ${e.message}`);
    });
    expect(got[0]).toEqual([]);
    expect(got[1]).toEqual(['subsets[0].ports[0].name: Required value']);
    expect(got[2]?.length).toBe(4);
    expect(got[3]?.length).toBe(2);
    expect(got[4]).toEqual([]);
    expect(got[5]).toEqual([]);
  });
});
