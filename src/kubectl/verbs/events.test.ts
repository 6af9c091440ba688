import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../sim/api/types';
import { parseFlags } from '../flags';
import { eventsVerb } from './events';
import { FakeCluster, iso, meta, runVerb, T0 } from './read-fixtures';
import { topVerb } from './top';

const NOW = T0 + 120_000;

function ev(
  name: string,
  kind: string,
  obj: string,
  reason: string,
  type: 'Normal' | 'Warning',
  atMs: number,
  count = 1,
): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name, atMs),
    involvedObject: { kind, name: obj, namespace: 'default' },
    reason,
    message: `${reason} happened `,
    type,
    source: { component: 'kubelet' },
    firstTimestamp: iso(atMs - (count - 1) * 10_000),
    lastTimestamp: iso(atMs),
    count,
  } as K8sObject;
}

function kubectlEvents(c: FakeCluster, line: string) {
  return runVerb(eventsVerb, c.asCluster(), line.split(' ').filter(Boolean), (a) => {
    const p = parseFlags(a, eventsVerb.flags);
    return p.ok ? p : `error: ${p.message}\n`;
  });
}

describe('kubectl events', () => {
  const c = new FakeCluster(NOW).add(
    ev('a.1', 'Pod', 'web-1', 'BackOff', 'Warning', T0 + 60_000, 3),
    ev('b.1', 'Deployment', 'web', 'ScalingReplicaSet', 'Normal', T0),
  );

  it('sorts by last timestamp, Kind/name objects, (xN over …) intervals', () => {
    expect(kubectlEvents(c, '').stdout).toBe(
      'LAST SEEN           TYPE      REASON              OBJECT           MESSAGE\n' +
        '2m                  Normal    ScalingReplicaSet   Deployment/web   ScalingReplicaSet happened\n' +
        '60s (x3 over 80s)   Warning   BackOff             Pod/web-1        BackOff happened\n',
    );
  });

  it('filters with --for and --types; says so when nothing is left', () => {
    expect(kubectlEvents(c, '--for pod/web-1').stdout).toContain('Pod/web-1');
    expect(kubectlEvents(c, '--for pod/web-1').stdout).not.toContain('Deployment/web');
    expect(kubectlEvents(c, '--types=Warning').stdout.split('\n').length).toBe(3);
    expect(kubectlEvents(c, '-n kube-system')).toMatchObject({
      stderr: 'No events found in kube-system namespace.\n',
      code: 0,
    });
  });

  it('kubectl top: no metrics-server on Docker Desktop', () => {
    expect(runVerb(topVerb, c.asCluster(), ['pods'], (a) => ({ flags: {}, positional: a }))).toMatchObject({
      stderr: 'error: Metrics API not available\n',
      code: 1,
    });
  });
});

describe('event order within one second (real names are <object>.<hex UnixNano>)', () => {
  it('get events lists by object name then creation; describe pod shows Pulled, Created, Started', async () => {
    const { kdrive } = await import('../testing');
    const d = kdrive().kubectl('apply -f sleep/sleep1.yaml').advance(10_000);
    d.kubectl('get events');
    const reasons = d
      .stdout()
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split(/ {2,}/)[2]);
    expect(reasons).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
      'SuccessfulCreate',
      'ScalingReplicaSet',
    ]);
    d.kubectl('describe pod -l app=sleep-1');
    const tail = d
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('  Normal'))
      .map((l) => l.split(/ {2,}/)[2]);
    expect(tail).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });
});
