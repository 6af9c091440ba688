// kubelet's Service-link environment (pkg/kubelet/envvars/envvars.go FromServices and
// kubelet_pods.go getServiceEnvVarMap): exact variables, which Services count, and that they are
// the Services of the moment the container started.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import { drive } from '../testing/driver';
import { linkedServices, serviceLinkEnv } from './proc';
import { trackServiceLinks } from './servicelinks';
import { execIn, podKeyFor, SLEEP, SLEEP2_SVC } from './testkit';

const MULTI = `apiVersion: v1
kind: Service
metadata:
  name: web-front
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
    - name: dns-udp
      port: 53
      protocol: UDP
`;

const envOf = (text: string) => text.split('\n').filter((l) => l !== '');

describe('Service links in env', () => {
  it('prints exactly what FromServices writes, for Services of the Pod’s namespace that existed at start', () => {
    const d = drive({ seed: 7 });
    trackServiceLinks(d.cluster);
    d.applyOk(SLEEP2_SVC)
      .applyOk(MULTI)
      .applyOk(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n`)
      .applyOk(SLEEP2_SVC.replace('name: sleep-2', 'name: elsewhere\n  namespace: other'))
      .applyOk(
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: example.com\n`,
      )
      .applyOk(
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: headless\nspec:\n  clusterIP: None\n  selector:\n    app: x\n  ports:\n    - port: 80\n`,
      )
      .advance(1000)
      .applyOk(SLEEP('sleep-1'))
      .advance(30_000);
    const c = d.cluster;
    const ip = (n: string) => (c.get('Service', 'default', n) as Service).spec.clusterIP;
    const s2 = ip('sleep-2');
    const wf = ip('web-front');
    const links = envOf(execIn(c, podKeyFor(c, 'sleep-1'), ['env']).stdout).filter((l) =>
      /^(KUBERNETES|SLEEP_2|WEB_FRONT|ELSEWHERE|EXT|HEADLESS)_/.test(l),
    );
    expect(links).toEqual(
      [
        'KUBERNETES_PORT=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
        'KUBERNETES_PORT_443_TCP_PORT=443',
        'KUBERNETES_PORT_443_TCP_PROTO=tcp',
        'KUBERNETES_SERVICE_HOST=10.96.0.1',
        'KUBERNETES_SERVICE_PORT=443',
        'KUBERNETES_SERVICE_PORT_HTTPS=443',
        `SLEEP_2_PORT=tcp://${s2}:80`,
        `SLEEP_2_PORT_80_TCP=tcp://${s2}:80`,
        `SLEEP_2_PORT_80_TCP_ADDR=${s2}`,
        'SLEEP_2_PORT_80_TCP_PORT=80',
        'SLEEP_2_PORT_80_TCP_PROTO=tcp',
        `SLEEP_2_SERVICE_HOST=${s2}`,
        'SLEEP_2_SERVICE_PORT=80',
        `WEB_FRONT_PORT=tcp://${wf}:80`,
        `WEB_FRONT_PORT_53_UDP=udp://${wf}:53`,
        `WEB_FRONT_PORT_53_UDP_ADDR=${wf}`,
        'WEB_FRONT_PORT_53_UDP_PORT=53',
        'WEB_FRONT_PORT_53_UDP_PROTO=udp',
        `WEB_FRONT_PORT_80_TCP=tcp://${wf}:80`,
        `WEB_FRONT_PORT_80_TCP_ADDR=${wf}`,
        'WEB_FRONT_PORT_80_TCP_PORT=80',
        'WEB_FRONT_PORT_80_TCP_PROTO=tcp',
        `WEB_FRONT_SERVICE_HOST=${wf}`,
        'WEB_FRONT_SERVICE_PORT=80',
        'WEB_FRONT_SERVICE_PORT_DNS_UDP=53',
        'WEB_FRONT_SERVICE_PORT_HTTP=80',
      ].sort(),
    );
  });

  it('keeps the links of start time: a Service deleted or re-created later does not change env', () => {
    const d = drive({ seed: 7 });
    trackServiceLinks(d.cluster);
    d.applyOk(SLEEP2_SVC).advance(1000).applyOk(SLEEP('sleep-1')).advance(30_000);
    const c = d.cluster;
    const key = podKeyFor(c, 'sleep-1');
    const before = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    d.delete('Service', 'sleep-2').advance(5000);
    // Not read before the deletion: env still has the Service the container started with.
    expect(execIn(c, key, ['env']).stdout).toContain(`SLEEP_2_SERVICE_HOST=${before}\n`);
    d.applyOk(SLEEP2_SVC).advance(5000);
    const after = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    expect(after).not.toBe(before);
    expect(execIn(c, key, ['env']).stdout).toContain(`SLEEP_2_SERVICE_HOST=${before}\n`);
    // A container started now sees the re-created Service.
    d.delete('Pod', key.split('/')[2] ?? '').advance(30_000);
    expect(execIn(c, podKeyFor(c, 'sleep-1'), ['env']).stdout).toContain(`SLEEP_2_SERVICE_HOST=${after}\n`);
  });
});

describe('getServiceEnvVarMap selection', () => {
  const svc = (ns: string, name: string, clusterIP: string): Service =>
    ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ns },
      spec: { clusterIP, ports: [{ port: 443, protocol: 'TCP' }] },
    }) as unknown as Service;
  const master = svc('default', 'kubernetes', '10.96.0.1');
  const names = (l: Service[]) => l.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort();

  it('the master always; other namespaces never; enableServiceLinks=false keeps only the master', () => {
    const all = [master, svc('default', 'a', '10.96.5.5'), svc('team', 'b', '10.96.6.6')];
    expect(names(linkedServices(all, 'team', true))).toEqual(['default/kubernetes', 'team/b']);
    expect(names(linkedServices(all, 'team', false))).toEqual(['default/kubernetes']);
    expect(names(linkedServices(all, 'default', true))).toEqual(['default/a', 'default/kubernetes']);
  });

  it('a `kubernetes` Service in the Pod’s own namespace replaces the master’s', () => {
    const own = svc('team', 'kubernetes', '10.96.7.7');
    expect(linkedServices([own, master], 'team', true)).toEqual([own]);
    expect(linkedServices([master, own], 'team', true)).toEqual([own]);
    expect(serviceLinkEnv([own])).toContainEqual(['KUBERNETES_SERVICE_HOST', '10.96.7.7']);
  });
});
