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

  it('an update checks what the stored version did not hold: the same causes when that one was valid', () => {
    const good = (i: number) => ({ ip: `10.1.${i >> 8}.${i & 255}`, nodeName: 'node-1' });
    const bad = fc.constantFrom({ ip: '127.0.0.1' }, { ip: '10.1.0.7', hostname: 'Bad_' }, { ip: 'x' }, null);
    const address = fc.oneof(
      fc.nat(500).map(good),
      bad.map((a) => (a === null ? a : { ...a })),
    );
    // The next version from the stored one: each old address kept in its list, moved to the other,
    // or dropped, new ones put anywhere; the ports kept (the same array) or new.
    const step = fc.record({
      fate: fc.constantFrom('keep', 'move', 'drop'),
      added: fc.option(address, { nil: undefined }),
      toReady: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.array(step, { maxLength: 14 }),
        fc.boolean(),
        (ips, readiness, steps, samePorts) => {
          const ports = [{ port: 80, protocol: 'TCP' }];
          const oldReady: unknown[] = [];
          const oldNotReady: unknown[] = [];
          ips.forEach((ip, i) => {
            (readiness[i] ? oldReady : oldNotReady).push(good(ip));
          });
          const old = [{ addresses: oldReady, notReadyAddresses: oldNotReady, ports }];
          const ready: unknown[] = [];
          const notReady: unknown[] = [];
          const olds = [
            ...oldReady.map((a) => [a, true] as const),
            ...oldNotReady.map((a) => [a, false] as const),
          ];
          steps.forEach((s, i) => {
            const o = olds[i];
            if (o && s.fate !== 'drop') ((s.fate === 'keep') === o[1] ? ready : notReady).push(o[0]);
            if (s.added !== undefined) (s.toReady ? ready : notReady).push(s.added);
          });
          const next = [
            {
              addresses: ready,
              notReadyAddresses: notReady,
              ports: samePorts ? ports : [{ port: 0, protocol: 'TCP' }],
            },
          ];
          const full: { field: string; message: string }[] = [];
          const incremental: { field: string; message: string }[] = [];
          pushEndpointSubsetErrors(full, next);
          pushEndpointSubsetErrors(incremental, next, old);
          expect(incremental).toEqual(full);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an address the stored version holds is not checked again (it was when that was written)', () => {
    const loopback = { ip: '127.0.0.1' };
    const old = [{ addresses: [loopback] }];
    const next = [{ addresses: [loopback, { ip: '127.0.0.2' }] }];
    const full: { field: string }[] = [];
    const incremental: { field: string }[] = [];
    pushEndpointSubsetErrors(full as never, next);
    pushEndpointSubsetErrors(incremental as never, next, old);
    expect(full.map((e) => e.field)).toEqual(['subsets[0].addresses[0].ip', 'subsets[0].addresses[1].ip']);
    expect(incremental.map((e) => e.field)).toEqual(['subsets[0].addresses[1].ip']);
  });
});
