// Which Pod `kubectl exec|port-forward|logs deploy/NAME` picks when several match, and the
// `Found N pods` notice logs prints [kubectl v0.34.9 pkg/polymorphichelpers: attachablepodforobject.go
// sorts by sort.Reverse(podutils.ActivePods), logsforobject.go by podutils.ByLogging and prints
// `Found %v pods, using pod/%v` on stderr]. Both prefer the Pod that has been Ready longest, so
// after a scale-up the original Pod wins even when the new Pod's name sorts first.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

function scaled() {
  const d = kdrive({ seed: 1 }).kubectl('apply -f sleep/sleep1.yaml').advance(20_000);
  const original = (d.pods()[0] as Pod).metadata.name;
  d.kubectl('scale deploy sleep-1 --replicas=2').advance(20_000);
  const names = (d.pods() as Pod[]).map((p) => p.metadata.name);
  return { d, original, names };
}

describe('the Pod behind deploy/NAME', () => {
  it('the scenario: the new Pod lists first (name order)', () => {
    const { original, names } = scaled();
    expect(names).toHaveLength(2);
    expect(names[1]).toBe(original);
  });

  it('exec runs in the Pod Ready longest (ActivePods, reversed)', () => {
    const { d, original } = scaled();
    d.kubectl('exec deploy/sleep-1 -- hostname');
    expect([d.stdout(), d.stderr()]).toEqual([`${original}\n`, '']);
  });

  it('logs says how many Pods matched and which one it reads (ByLogging)', () => {
    const { d, original } = scaled();
    d.kubectl('logs deploy/sleep-1');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', `Found 2 pods, using pod/${original}\n`, 0]);
    d.kubectl(`logs ${original}`);
    expect(d.stderr()).toBe('');
    d.kubectl('scale deploy sleep-1 --replicas=1').advance(20_000).kubectl('logs deploy/sleep-1');
    expect(d.stderr()).toBe('');
  });
});
