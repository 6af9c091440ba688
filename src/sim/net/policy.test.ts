// kube-proxy rules for sessionAffinity ClientIP and Local traffic policies, word for word against
// pkg/proxy/iptables/proxier.go 1.34 (rule order, comments) rendered as iptables-save prints them
// (libxt_recent saves `--rcheck --seconds N --reap --name X --mask 255.255.255.255 --rsource`).
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import { getProfile } from '../profiles';
import { buildServiceModel } from './model';
import { rulesFor } from './policy';
import { netHarness, pod, saveTables, service } from './test-helpers';

const mine = (text: string, ...chains: string[]) =>
  text
    .split('\n')
    .filter((l) => chains.some((c) => l.startsWith(`-A ${c} `)) && !/kubernetes|kube-system/.test(l));

function withSpec(s: Service, spec: Partial<Service['spec']>): Service {
  return { ...s, spec: { ...s.spec, ...spec } };
}

/** kind: web-a on kind-worker, web-b on kind-worker2, nothing for `web` on kind-control-plane. */
function kind() {
  const h = netHarness({ profile: 'kind' });
  const ports = [{ containerPort: 80 }];
  h.api.create(pod('web-a', { labels: { app: 'web' }, ip: '10.244.1.7', node: 'kind-worker', ports }));
  h.api.create(pod('web-b', { labels: { app: 'web' }, ip: '10.244.2.8', node: 'kind-worker2', ports }));
  return h;
}

const SEP_A = 'KUBE-SEP-77YT4VVOJLTS77WQ'; // default/web + tcp + 10.244.1.7:80
const SEP_B = 'KUBE-SEP-R53NX34J3PCIETEY'; // default/web + tcp + 10.244.2.8:80
const SVC = 'KUBE-SVC-LOLE4ISW44XBNF3G'; // default/web + tcp

describe('iptables-save: sessionAffinity ClientIP', () => {
  it('recent --rcheck rules first in KUBE-SVC, then the statistic cascade; recent --set in each KUBE-SEP', () => {
    const h = kind();
    h.api.create(
      withSpec(service('web', { clusterIP: '10.96.50.10', selector: { app: 'web' } }), {
        sessionAffinity: 'ClientIP',
      }),
    );
    h.loop.runUntilIdle();
    const { nat } = saveTables(h.net.iptablesSave('kind-worker'));
    expect(mine(nat, 'KUBE-SERVICES', SVC, SEP_A, SEP_B)).toEqual([
      `-A ${SEP_A} -s 10.244.1.7/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${SEP_A} -p tcp -m comment --comment "default/web" -m recent --set --name ${SEP_A} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.7:80`,
      `-A ${SEP_B} -s 10.244.2.8/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${SEP_B} -p tcp -m comment --comment "default/web" -m recent --set --name ${SEP_B} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.2.8:80`,
      `-A KUBE-SERVICES -d 10.96.50.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j ${SVC}`,
      `-A ${SVC} ! -s 10.244.0.0/16 -d 10.96.50.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
      `-A ${SVC} -m comment --comment "default/web -> 10.244.1.7:80" -m recent --rcheck --seconds 10800 --reap --name ${SEP_A} --mask 255.255.255.255 --rsource -j ${SEP_A}`,
      `-A ${SVC} -m comment --comment "default/web -> 10.244.2.8:80" -m recent --rcheck --seconds 10800 --reap --name ${SEP_B} --mask 255.255.255.255 --rsource -j ${SEP_B}`,
      `-A ${SVC} -m comment --comment "default/web -> 10.244.1.7:80" -m statistic --mode random --probability 0.50000000000 -j ${SEP_A}`,
      `-A ${SVC} -m comment --comment "default/web -> 10.244.2.8:80" -j ${SEP_B}`,
    ]);
  });

  it('sessionAffinityConfig.clientIP.timeoutSeconds sets --seconds', () => {
    const h = kind();
    h.api.create(
      withSpec(service('web', { clusterIP: '10.96.50.10', selector: { app: 'web' } }), {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
      }),
    );
    h.loop.runUntilIdle();
    const text = h.net.iptablesSave('kind-worker');
    expect(text).toContain(`--rcheck --seconds 60 --reap --name ${SEP_A} `);
    expect(text).not.toContain('--seconds 10800');
  });

  it('IPVS mode: the virtual server is persistent for the timeout', () => {
    const h = netHarness({ profile: 'kind', proxyMode: 'ipvs' });
    h.api.create(pod('web-a', { labels: { app: 'web' }, ip: '10.244.1.7', node: 'kind-worker' }));
    h.api.create(
      withSpec(service('web', { clusterIP: '10.96.50.10', selector: { app: 'web' } }), {
        sessionAffinity: 'ClientIP',
      }),
    );
    h.loop.runUntilIdle();
    const out = h.net.ipvsadm('kind-worker');
    expect(out).toContain('TCP  10.96.50.10:80 rr persistent 10800\n  -> 10.244.1.7:80');
    expect(out).toContain('TCP  10.96.0.1:443 rr\n'); // the kubernetes Service has no affinity here
  });
});

const NP_SVC = 'KUBE-SVC-LDATH6LIB7VCFHLW'; // default/np + tcp
const NP_SVL = 'KUBE-SVL-LDATH6LIB7VCFHLW';
const NP_EXT = 'KUBE-EXT-LDATH6LIB7VCFHLW';
const NP_SEP_A = 'KUBE-SEP-ZHACSIMQK5T2HOKN'; // 10.244.1.7:80
const NP_SEP_B = 'KUBE-SEP-WSNV6G7UPV4HE2LH'; // 10.244.2.8:80

describe('iptables-save: externalTrafficPolicy Local', () => {
  function np() {
    const h = kind();
    h.api.create(
      withSpec(
        service('np', {
          type: 'NodePort',
          clusterIP: '10.96.50.11',
          selector: { app: 'web' },
          ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }],
        }),
        { externalTrafficPolicy: 'Local' },
      ),
    );
    h.loop.runUntilIdle();
    return h;
  }
  const chains = ['KUBE-SERVICES', 'KUBE-NODEPORTS', NP_EXT, NP_SVC, NP_SVL, NP_SEP_A, NP_SEP_B];

  it('node with a local endpoint: KUBE-EXT keeps the source (no MASQ) and jumps to KUBE-SVL', () => {
    const h = np();
    const { nat, filter } = saveTables(h.net.iptablesSave('kind-worker'));
    expect(mine(nat, ...chains)).toEqual([
      `-A ${NP_EXT} -s 10.244.0.0/16 -m comment --comment "pod traffic for default/np external destinations" -j ${NP_SVC}`,
      `-A ${NP_EXT} -m comment --comment "masquerade LOCAL traffic for default/np external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      `-A ${NP_EXT} -m comment --comment "route LOCAL traffic for default/np external destinations" -m addrtype --src-type LOCAL -j ${NP_SVC}`,
      `-A ${NP_EXT} -j ${NP_SVL}`,
      `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/np" -m tcp --dport 30080 -j ${NP_EXT}`,
      `-A ${NP_SEP_B} -s 10.244.2.8/32 -m comment --comment "default/np" -j KUBE-MARK-MASQ`,
      `-A ${NP_SEP_B} -p tcp -m comment --comment "default/np" -m tcp -j DNAT --to-destination 10.244.2.8:80`,
      `-A ${NP_SEP_A} -s 10.244.1.7/32 -m comment --comment "default/np" -j KUBE-MARK-MASQ`,
      `-A ${NP_SEP_A} -p tcp -m comment --comment "default/np" -m tcp -j DNAT --to-destination 10.244.1.7:80`,
      `-A KUBE-SERVICES -d 10.96.50.11/32 -p tcp -m comment --comment "default/np cluster IP" -m tcp --dport 8080 -j ${NP_SVC}`,
      `-A ${NP_SVC} ! -s 10.244.0.0/16 -d 10.96.50.11/32 -p tcp -m comment --comment "default/np cluster IP" -m tcp --dport 8080 -j KUBE-MARK-MASQ`,
      `-A ${NP_SVC} -m comment --comment "default/np -> 10.244.1.7:80" -m statistic --mode random --probability 0.50000000000 -j ${NP_SEP_A}`,
      `-A ${NP_SVC} -m comment --comment "default/np -> 10.244.2.8:80" -j ${NP_SEP_B}`,
      `-A ${NP_SVL} -m comment --comment "default/np -> 10.244.1.7:80" -j ${NP_SEP_A}`,
    ]);
    expect(nat).toContain(`:${NP_SVL} - [0:0]`);
    expect(filter).not.toContain('default/np');
  });

  it('node without one: no KUBE-SVL, no jump out of KUBE-EXT, and the "has no local endpoints" DROP', () => {
    const h = np();
    const { nat, filter } = saveTables(h.net.iptablesSave('kind-control-plane'));
    expect(nat).not.toContain(NP_SVL);
    expect(mine(nat, NP_EXT)).toEqual([
      `-A ${NP_EXT} -s 10.244.0.0/16 -m comment --comment "pod traffic for default/np external destinations" -j ${NP_SVC}`,
      `-A ${NP_EXT} -m comment --comment "masquerade LOCAL traffic for default/np external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      `-A ${NP_EXT} -m comment --comment "route LOCAL traffic for default/np external destinations" -m addrtype --src-type LOCAL -j ${NP_SVC}`,
    ]);
    expect(mine(filter, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/np has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP',
    ]);
  });

  it('healthCheckNodePort: an ACCEPT in filter KUBE-NODEPORTS on every node', () => {
    const h = kind();
    h.api.create(
      withSpec(
        service('lb', {
          type: 'LoadBalancer',
          clusterIP: '10.96.50.12',
          selector: { app: 'web' },
          ports: [{ port: 8080, targetPort: 80, nodePort: 30081 }],
        }),
        { externalTrafficPolicy: 'Local', healthCheckNodePort: 31999 },
      ),
    );
    h.loop.runUntilIdle();
    for (const n of ['kind-control-plane', 'kind-worker']) {
      const { filter } = saveTables(h.net.iptablesSave(n));
      expect(mine(filter, 'KUBE-NODEPORTS')).toEqual([
        '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/lb health check node port" -m tcp --dport 31999 -j ACCEPT',
      ]);
    }
  });
});

describe('iptables-save: internalTrafficPolicy Local', () => {
  function itp() {
    const h = kind();
    h.api.create(
      withSpec(service('web', { clusterIP: '10.96.50.10', selector: { app: 'web' } }), {
        internalTrafficPolicy: 'Local',
      }),
    );
    h.loop.runUntilIdle();
    return h;
  }
  const SVL = 'KUBE-SVL-LOLE4ISW44XBNF3G';

  it('the ClusterIP jumps to KUBE-SVL with the local endpoint only; no KUBE-SVC chain', () => {
    const { nat } = saveTables(itp().net.iptablesSave('kind-worker'));
    expect(mine(nat, 'KUBE-SERVICES', SVL, SVC, SEP_A, SEP_B)).toEqual([
      `-A ${SEP_A} -s 10.244.1.7/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${SEP_A} -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.7:80`,
      `-A KUBE-SERVICES -d 10.96.50.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j ${SVL}`,
      `-A ${SVL} ! -s 10.244.0.0/16 -d 10.96.50.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
      `-A ${SVL} -m comment --comment "default/web -> 10.244.1.7:80" -j ${SEP_A}`,
    ]);
  });

  it('a node without a local endpoint: DROP in filter KUBE-SERVICES', () => {
    const text = itp().net.iptablesSave('kind-control-plane');
    const { nat, filter } = saveTables(text);
    expect(nat).not.toContain('default/web');
    expect(mine(filter, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.96.50.10/32 -p tcp -m comment --comment "default/web has no local endpoints" -m tcp --dport 80 -j DROP',
    ]);
  });
});

describe('Services without these features', () => {
  it('rulesFor hands back the model itself, so their lines are the ones printed before', () => {
    const h = kind();
    h.api.create(service('web', { clusterIP: '10.96.50.10', selector: { app: 'web' } }));
    h.loop.runUntilIdle();
    const text = h.net.iptablesSave('kind-worker');
    expect(text).toBe(h.net.iptablesSave('kind-control-plane'));
    expect(text).not.toContain('recent');
    expect(text).not.toContain('KUBE-SVL');
  });

  it('rulesFor is the model for a plain Service and a new rule set otherwise', () => {
    const profile = getProfile('kind');
    const plain = buildServiceModel(service('web', { clusterIP: '10.96.50.10' }), [], profile);
    expect(rulesFor(plain, '10.244.0.0/16', 'kind-worker')).toBe(plain);
    const sticky = buildServiceModel(
      withSpec(service('web', { clusterIP: '10.96.50.10' }), { sessionAffinity: 'ClientIP' }),
      [],
      profile,
    );
    expect(rulesFor(sticky, '10.244.0.0/16', 'kind-worker')).not.toBe(sticky);
  });
});
