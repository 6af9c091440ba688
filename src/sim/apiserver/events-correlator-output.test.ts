// What a student sees when a Deployment is scaled to 30: the ReplicaSet's SuccessfulCreate Events
// as client-go 1.34's correlator leaves them (k8s.io/client-go v0.34.9 tools/record/events_cache.go),
// printed by kubectl. The ReplicaSet controller's broadcaster has one correlator; its 30 Events
// about the ReplicaSet (one at the apply, 29 at the scale: slow-start batches 1+2+4+8+14) are
//  - #1–#9: plain Events (the aggregator's set holds fewer than 10 messages);
//  - #10: the aggregate Event `(combined from similar events): Created pod: …`, named then;
//  - #11–#25: patches of it (count 16);
//  - #26–#30: dropped by the spam filter — the bucket (25, +1 per 300 s) had 25 − 1 + 30/300 = 24.1
//    tokens at the scale — yet counted, so the next write of the aggregate says 16 + 5 + 1 = 22.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx
`;
const RS = 'web-5f876cbdc4';
/** The Pods of Events #1–#9, and those of the aggregate's last writes (#25, then #31). */
const PLAIN = ['6dvvj', '6x7ds', 'qcq6m', 'h2zqg', '25jrg', 'x8dmq', 'b8twt', 'nxwjj', '78t26'];
const COMBINED = `(combined from similar events): Created pod: ${RS}-`;

function scaled() {
  const d = kdrive({ seed: 3 });
  d.sh(`cat > web.yaml <<'EOF'\n${DEPLOY}EOF`);
  d.kubectl('apply -f web.yaml');
  d.advance(30_000);
  d.kubectl('scale deploy web --replicas=30');
  d.advance(60_000);
  return d;
}

const rsEvents = 'get events --field-selector involvedObject.kind=ReplicaSet';

describe('a Deployment scaled to 30: the ReplicaSet Events aggregated and spam-filtered', () => {
  it('get events and describe rs: nine Events, then one aggregate (x16); all 30 Pods exist', () => {
    const d = scaled();
    d.kubectl(rsEvents);
    const row = (age: string, msg: string) =>
      `${age.padEnd(12)}Normal   SuccessfulCreate   replicaset/${RS}   ${msg}\n`;
    expect(d.stdout()).toBe(
      'LAST SEEN   TYPE     REASON             OBJECT                      MESSAGE\n' +
        PLAIN.map((p, i) => row(i === 0 ? '90s' : '60s', `Created pod: ${RS}-${p}`)).join('') +
        row('60s', `${COMBINED}dccdg`),
    );
    d.kubectl(`describe rs ${RS}`);
    const out = d.stdout();
    expect(out.slice(out.indexOf('Events:'))).toBe(
      'Events:\n' +
        '  Type    Reason            Age                 From                   Message\n' +
        '  ----    ------            ----                ----                   -------\n' +
        PLAIN.map(
          (p, i) =>
            `  Normal  SuccessfulCreate  ${i === 0 ? '90s' : '60s'}                 replicaset-controller  Created pod: ${RS}-${p}\n`,
        ).join('') +
        `  Normal  SuccessfulCreate  60s (x16 over 60s)  replicaset-controller  ${COMBINED}dccdg\n`,
    );
    d.kubectl('get pods --no-headers | wc -l');
    expect(d.stdout().trim()).toBe('30');
  });

  it('-o wide: the aggregate is named at #10; 5 min on, #31 writes it with the 5 dropped counted (22)', () => {
    const d = scaled();
    d.kubectl(`${rsEvents} -o wide`);
    const wide = d.stdout().split('\n');
    expect(wide[10]).toBe(
      `60s         Normal   SuccessfulCreate   replicaset/${RS}               replicaset-controller   ${COMBINED}dccdg   60s          16      ${RS}.1888b783b2209c09`,
    );
    expect(wide[9]).toMatch(/ {3}60s {10}1 {7}web-5f876cbdc4\.1888b783b2209c08$/);
    // 300 s on the bucket has a token again; the last similar Event was 360 s ago (≤ 600 s), so
    // the set is still full: the new Pod's Event is aggregated.
    d.advance(300_000);
    d.kubectl('scale deploy web --replicas=31');
    d.advance(1000);
    d.kubectl(`${rsEvents} -o wide`);
    const after = d.stdout().split('\n');
    expect(after).toHaveLength(12);
    expect(after[10]).toBe(
      `1s          Normal   SuccessfulCreate   replicaset/${RS}               replicaset-controller   ${COMBINED}fhrmb   6m1s         22      ${RS}.1888b783b2209c09`,
    );
  });

  it('after more than 600 s without a similar Event the set starts afresh: a plain Event again', () => {
    const d = scaled();
    d.advance(300_000);
    d.kubectl('scale deploy web --replicas=31');
    d.advance(601_000);
    d.kubectl('scale deploy web --replicas=32');
    d.advance(1000);
    d.kubectl(`describe rs ${RS}`);
    const out = d.stdout();
    expect(out.slice(out.indexOf('Events:'))).toBe(
      'Events:\n' +
        '  Type    Reason            Age                 From                   Message\n' +
        '  ----    ------            ----                ----                   -------\n' +
        PLAIN.map(
          (p) =>
            `  Normal  SuccessfulCreate  16m                 replicaset-controller  Created pod: ${RS}-${p}\n`,
        ).join('') +
        `  Normal  SuccessfulCreate  10m (x22 over 16m)  replicaset-controller  ${COMBINED}fhrmb\n` +
        `  Normal  SuccessfulCreate  1s                  replicaset-controller  Created pod: ${RS}-gfk4m\n`,
    );
  });
});
