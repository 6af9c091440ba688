// The kubelet's DNSConfigForming Warnings (pkg/kubelet/network/dns/dns.go GetPodDNS →
// formDNSNameserversFitsLimits, formDNSSearchFitsLimits): recorded on the Pod each time the kubelet
// forms its DNS config — createPodSandbox, then SyncPod's sandbox config for the containers to
// start — so a fresh Pod shows each twice, aggregated by the event recorder.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';

const searches = Array.from({ length: 31 }, (_, i) => `s${i}.example`);
const applied = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', ...searches.slice(0, 29)];

const pod = (name: string, dnsConfig: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${dnsConfig}  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

const NAMESERVERS =
  'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8';
const SEARCH = `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${applied.join(' ')}`;

describe('DNSConfigForming events (kind)', () => {
  it('kubectl describe pod and get events show both Warnings from the kubelet, x2', () => {
    const d = kdrive({ seed: 11, profile: 'kind' })
      .applyOk(
        pod(
          'many',
          `  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]\n    searches: [${searches.join(', ')}]\n`,
        ),
      )
      .advance(30_000);
    d.kubectl('describe pod many');
    const events = d.stdout().slice(d.stdout().indexOf('Events:'));
    expect(events.split('\n').slice(0, 6)).toEqual([
      'Events:',
      '  Type     Reason            Age                From               Message',
      '  ----     ------            ----               ----               -------',
      '  Normal   Scheduled         30s                default-scheduler  Successfully assigned default/many to kind-worker',
      `  Warning  DNSConfigForming  30s (x2 over 30s)  kubelet            ${NAMESERVERS}`,
      `  Warning  DNSConfigForming  30s (x2 over 30s)  kubelet            ${SEARCH}`,
    ]);
    d.kubectl('get events --field-selector reason=DNSConfigForming');
    expect(d.stdout()).toBe(
      'LAST SEEN   TYPE      REASON             OBJECT     MESSAGE\n' +
        `30s         Warning   DNSConfigForming   pod/many   ${NAMESERVERS}\n` +
        `30s         Warning   DNSConfigForming   pod/many   ${SEARCH}\n`,
    );
    d.kubectl('get events --field-selector reason=DNSConfigForming -o jsonpath={.items[*].source.host}');
    expect(d.stdout()).toBe('kind-worker kind-worker');
    // The file the Pod got is the applied one.
    d.kubectl('exec many -- cat /etc/resolv.conf');
    expect(d.stdout()).toBe(
      `search ${applied.join(' ')}\nnameserver 10.96.0.10\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions ndots:5\n`,
    );
  });

  it('only the limit that was exceeded; none for a dnsConfig within the limits', () => {
    // dnsPolicy Default starts from the node's resolv.conf (the node resolver at 172.18.0.2).
    const d = kdrive({ seed: 11, profile: 'kind' })
      .applyOk(
        pod('def', '  dnsPolicy: Default\n  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]\n'),
      )
      .applyOk(pod('fits', '  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8]\n    searches: [a.example]\n'))
      .advance(30_000);
    d.kubectl(
      'get events --field-selector reason=DNSConfigForming -o custom-columns=OBJ:.involvedObject.name,N:.count,MSG:.message',
    );
    expect(d.stdout()).toBe(
      'OBJ   N     MSG\n' +
        'def   2     Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 172.18.0.2 1.1.1.1 8.8.8.8\n',
    );
  });
});
