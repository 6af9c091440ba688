// The student's own chapter-3 command list (../shared/seed/ch03-services-notes.ko.md, "해당 파트
// 사용 명령어 모음"), typed verbatim, typo line and double apply included, on every profile and
// both kube-proxy modes the notes touch. The golden transcripts play the walkthrough on
// Docker Desktop only; this checks what must differ between clusters (reference §C3, §D: pod and
// Service CIDRs, kube-dns address, LoadBalancer EXTERNAL-IP and jsonpath, ping TTL across nodes,
// ICMP to a ClusterIP under iptables vs IPVS) and what must not (formats, messages, exit codes).
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../sim/api/types';
import type { ClusterOptions, ProfileName, ProxyMode } from '../sim/contract';
import { kdrive } from './testing';

const NOTES = `kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml
kubectl wait --for=condition=Ready pod -l app=sleep-2
kubectl get pod -l app=sleep-2 output jsonpath='{.items[0].status.podIP}'
kubectl exec deploy/sleep-1 -- ping -c 2 $(kubectl get pod -l app=sleep-2 --output jsonpath='{.items[0].status.podIP}')
kubectl get pod -l app=sleep-2 --output jsonpath='{.items[0].status.podIP}'
kubectl delete pods -l app=sleep-2
kubectl get pod -l app=sleep-2 --output jsonpath='{.items[0].status.podIP}'
kubectl apply -f sleep/sleep2-service.yaml
kubectl apply -f sleep/sleep2-service.yaml
kubectl get svc sleep-2
kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2
kubectl apply -f numbers/api.yaml -f numbers/web.yaml
kubectl wait --for=condition=Ready pod -l app=numbers-web
kubectl port-forward deploy/numbers-web 8080:80
kubectl apply -f numbers/web-service.yaml
kubectl get svc numbers-web
kubectl get svc numbers-web -o jsonpath='http://{.status.loadBalancer.ingress[0].*}:8080'
kubectl get endpoints sleep-2
kubectl delete pods -l app=sleep-2
kubectl get endpoints sleep-2
kubectl delete deploy sleep-2
kubectl get endpoints sleep-2
kubectl get svc --namespace default
kubectl get svc -n kube-system
kubectl exec deploy/sleep-1 -- sh -c 'nslookup numbers-api.default.svc.cluster.local | grep "^[^*]"'
kubectl exec deploy/sleep-1 -- sh -c 'nslookup kube-dns.kube-system.svc.cluster.local | grep "^[^*]"'
kubectl delete deploy --all
kubectl delete svc --all
kubectl get all
sleep 10
kubectl get all`.split('\n');

interface Step {
  line: string;
  out: string;
  err: string;
  code: number;
}

/** Types each line after 2 s of reading, pressing Ctrl-C first if a foreground job still runs. */
function play(opts: ClusterOptions) {
  const d = kdrive(opts);
  const steps: Step[] = [];
  /** Node of each Pod IP while the Pod-to-Pod ping runs. */
  const nodeOf = new Map<string, string>();
  NOTES.forEach((line, i) => {
    if (i > 0) d.advance(2000);
    if (d.session.busy()) d.session.interrupt();
    d.sh(line);
    steps.push({ line, out: d.stdout(), err: d.stderr(), code: d.exitCode() });
    if (line.includes('ping -c 2')) {
      for (const p of d.pods() as Pod[]) {
        if (p.status?.podIP && p.spec.nodeName) nodeOf.set(p.metadata.labels?.app ?? '', p.spec.nodeName);
      }
    }
  });
  return { d, steps, nodeOf };
}

const WORD = '[bcdfghjklmnpqrstvwxz2456789]';
const POD_NAME = (app: string) => `${app}-[4-9bcdf]{6,10}-${WORD}{5}`;

interface Expect {
  podIP: RegExp;
  clusterIP: RegExp;
  dns: string;
  apiserverIP: string;
  externalIP: (nodeIP: string) => string;
  jsonpath: (nodeIP: string) => string[];
}

// Reference §C3 / §D. ClusterIPs avoid the static band (the lowest 256 addresses).
const PROFILES: Record<ProfileName, Expect> = {
  'docker-desktop': {
    podIP: /^10\.1\.0\.\d+$/,
    clusterIP: /^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/,
    dns: '10.96.0.10',
    apiserverIP: '10.96.0.1',
    externalIP: () => 'localhost',
    jsonpath: () => ['http://localhost:8080'],
  },
  kind: {
    podIP: /^10\.244\.\d\.\d+$/,
    clusterIP: /^10\.96\.([1-9]\d*)\.\d+$/,
    dns: '10.96.0.10',
    apiserverIP: '10.96.0.1',
    externalIP: () => '<pending>',
    jsonpath: () => ['http://:8080'],
  },
  k3s: {
    podIP: /^10\.42\.0\.\d+$/,
    clusterIP: /^10\.43\.([1-9]\d*)\.\d+$/,
    dns: '10.43.0.10',
    apiserverIP: '10.43.0.1',
    externalIP: (ip) => ip,
    // `*` over the ingress map prints ip and ipMode in map order, which Go leaves unspecified.
    jsonpath: (ip) => [`http://${ip} VIP:8080`, `http://VIP ${ip}:8080`],
  },
};

const RUNS: [ProfileName, ProxyMode][] = [
  ['docker-desktop', 'iptables'],
  ['docker-desktop', 'ipvs'],
  ['kind', 'iptables'],
  ['kind', 'ipvs'],
  ['k3s', 'iptables'],
];

describe.each(RUNS)('the notes command list on %s (%s)', (profile, proxyMode) => {
  const { d, steps, nodeOf } = play({ seed: 3, profile, proxyMode });
  const want = PROFILES[profile];
  const at = (prefix: string, n = 0): Step => {
    const s = steps.filter((x) => x.line.startsWith(prefix))[n];
    if (!s) throw new Error(`no step ${prefix} #${n}`);
    return s;
  };
  const nodeIP = ((d.cluster.list('Node') as Node[])[0]?.status.addresses ?? []).find(
    (a) => a.type === 'InternalIP',
  )?.address as string;

  it('creates, waits, and rejects the typo line (`output` without --) as kubectl does', () => {
    expect(at('kubectl apply -f sleep/sleep1.yaml').out).toBe(
      'deployment.apps/sleep-1 created\ndeployment.apps/sleep-2 created\n',
    );
    expect(at('kubectl wait').out).toMatch(new RegExp(`^pod/${POD_NAME('sleep-2')} condition met\\n$`));
    const typo = at('kubectl get pod -l app=sleep-2 output');
    expect([typo.out, typo.err, typo.code]).toEqual([
      '',
      'error: name cannot be provided when a selector is specified\n',
      1,
    ]);
  });

  it('pings the Pod IP (TTL 64 on one node, 62 across kind nodes) and the IP changes after delete', () => {
    const ipBefore = at('kubectl get pod -l app=sleep-2 --output', 0).out;
    const ipAfter = at('kubectl get pod -l app=sleep-2 --output', 1).out;
    expect(ipBefore).toMatch(want.podIP);
    expect(ipAfter).toMatch(want.podIP);
    expect(ipAfter).not.toBe(ipBefore);
    const ping = at('kubectl exec deploy/sleep-1 -- ping -c 2');
    expect(ping.code).toBe(0);
    expect(ping.out).toMatch(new RegExp(`^PING ${ipBefore.replaceAll('.', '\\.')} \\(`));
    expect(ping.out).toContain('\n2 packets transmitted, 2 packets received, 0% packet loss\n');
    // Reference §B10: 64 on the same node; kindnet routes across nodes, 62 ([KIND-TRANSCRIPT]).
    const sameNode = nodeOf.get('sleep-1') === nodeOf.get('sleep-2');
    expect(nodeOf.size).toBe(2);
    const ttls = [...ping.out.matchAll(/ttl=(\d+)/g)].map((m) => m[1]);
    expect(ttls).toEqual(sameNode ? ['64', '64'] : ['62', '62']);
    expect(at('kubectl delete pods -l app=sleep-2', 0).out).toMatch(
      new RegExp(`^pod "${POD_NAME('sleep-2')}" deleted from default namespace\\n$`),
    );
  });

  it('applies the Service once (created) then again (unchanged); its ClusterIP is in the profile CIDR', () => {
    expect(at('kubectl apply -f sleep/sleep2-service.yaml', 0).out).toBe('service/sleep-2 created\n');
    expect(at('kubectl apply -f sleep/sleep2-service.yaml', 1).out).toBe('service/sleep-2 unchanged\n');
    const [header, row, ...rest] = at('kubectl get svc sleep-2').out.split('\n');
    expect(rest).toEqual(['']);
    const ip = row?.split(/ +/)[2] as string;
    expect(ip).toMatch(want.clusterIP);
    const w = Math.max(10, ip.length) + 3;
    expect(header).toBe(`NAME      TYPE        ${'CLUSTER-IP'.padEnd(w)}EXTERNAL-IP   PORT(S)   AGE`);
    expect(row).toMatch(
      new RegExp(
        `^sleep-2   ClusterIP   ${ip.padEnd(w).replaceAll('.', '\\.')}<none>        80/TCP    \\d+s$`,
      ),
    );
  });

  it('ping to the Service name: no reply under iptables, the IPVS dummy interface answers', () => {
    const s = at('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
    const ip = at('kubectl get svc sleep-2').out.split('\n')[1]?.split(/ +/)[2] as string;
    expect(s.out.startsWith(`PING sleep-2 (${ip}): 56 data bytes\n`)).toBe(true);
    if (proxyMode === 'iptables') {
      expect(s.out).toBe(
        `PING sleep-2 (${ip}): 56 data bytes\n\n--- sleep-2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n`,
      );
      expect([s.err, s.code]).toEqual(['command terminated with exit code 1\n', 1]);
    } else {
      expect(s.out).toContain(`64 bytes from ${ip}: seq=0 ttl=64 time=`);
      expect(s.out).toContain('1 packets transmitted, 1 packets received, 0% packet loss\n');
      expect([s.err, s.code]).toEqual(['', 0]);
    }
  });

  it('port-forward before the LoadBalancer exists, then the LoadBalancer address per platform', () => {
    expect(at('kubectl port-forward').out).toBe(
      'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n',
    );
    const row = at('kubectl get svc numbers-web').out.split('\n')[1] as string;
    const cols = row.split(/ +/);
    expect(cols.slice(0, 2)).toEqual(['numbers-web', 'LoadBalancer']);
    expect(cols[2]).toMatch(want.clusterIP);
    expect(cols[3]).toBe(want.externalIP(nodeIP));
    expect(cols[4]).toMatch(/^8080:(3[0-2]\d{3})\/TCP$/);
    const jp = at('kubectl get svc numbers-web -o jsonpath');
    expect(want.jsonpath(nodeIP)).toContain(jp.out);
    expect([jp.err, jp.code]).toEqual(['', 0]);
  });

  it('Endpoints follow the Pod, keep their AGE, and stay with <none> after the Deployment goes', () => {
    const warn =
      '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
    const eps = [0, 1, 2].map((n) => at('kubectl get endpoints sleep-2', n));
    for (const s of eps) expect([s.err, s.code]).toEqual([warn, 0]);
    const cells = eps.map((s) => (s.out.split('\n')[1] as string).split(/ {3,}/));
    expect(cells[0]?.[1]).toMatch(new RegExp(`^${want.podIP.source.slice(1, -1)}:80$`));
    expect(cells[1]?.[1]).toMatch(new RegExp(`^${want.podIP.source.slice(1, -1)}:80$`));
    expect(cells[1]?.[1]).not.toBe(cells[0]?.[1]);
    expect(cells[2]?.[1]).toBe('<none>');
    const secs = cells.map((c) => Number(c[2]?.replace(/s$/, '')));
    expect(secs[1]).toBeGreaterThan(secs[0] as number);
    expect(secs[2]).toBeGreaterThan(secs[1] as number);
    expect(at('kubectl delete deploy sleep-2').out).toBe(
      'deployment.apps "sleep-2" deleted from default namespace\n',
    );
  });

  it('kube-dns lives in kube-system; FQDN lookups go to it; numbers-api was never created', () => {
    const sys = at('kubectl get svc -n kube-system').out;
    expect(sys).toMatch(
      new RegExp(
        `\\nkube-dns +ClusterIP +${want.dns.replaceAll('.', '\\.')} +<none> +53/UDP,53/TCP,9153/TCP +6d22h\\n`,
      ),
    );
    const header = `Server:\t\t${want.dns}\nAddress:\t${want.dns}:53\n`;
    // The notes' list skips `apply -f numbers/api-service.yaml`: the name is NXDOMAIN, grep keeps two lines.
    const api = at("kubectl exec deploy/sleep-1 -- sh -c 'nslookup numbers-api");
    expect([api.out, api.err, api.code]).toEqual([header, '', 0]);
    const dns = at("kubectl exec deploy/sleep-1 -- sh -c 'nslookup kube-dns");
    expect([dns.out, dns.err, dns.code]).toEqual([
      `${header}Name:\tkube-dns.kube-system.svc.cluster.local\nAddress: ${want.dns}\n`,
      '',
      0,
    ]);
    const def = at('kubectl get svc --namespace default')
      .out.split('\n')
      .map((l) => l.split(' ')[0]);
    expect(def).toEqual(['NAME', 'kubernetes', 'numbers-web', 'sleep-2', '']);
  });

  it('clean-up: Deployments in name order, every Service including kubernetes, which comes back', () => {
    expect(at('kubectl delete deploy --all').out).toBe(
      [
        'deployment.apps "numbers-api" deleted from default namespace',
        'deployment.apps "numbers-web" deleted from default namespace',
        'deployment.apps "sleep-1" deleted from default namespace',
        '',
      ].join('\n'),
    );
    expect(at('kubectl delete svc --all').out).toBe(
      [
        'service "kubernetes" deleted from default namespace',
        'service "numbers-web" deleted from default namespace',
        'service "sleep-2" deleted from default namespace',
        '',
      ].join('\n'),
    );
    const last = at('kubectl get all', 1);
    const ip = want.apiserverIP;
    const w = Math.max(10, ip.length) + 3;
    expect(last.out).toMatch(
      new RegExp(
        `^NAME                 TYPE        ${'CLUSTER-IP'.padEnd(w)}EXTERNAL-IP   PORT\\(S\\)   AGE\\nservice/kubernetes   ClusterIP   ${ip.padEnd(w).replaceAll('.', '\\.')}<none>        443/TCP   (\\d|1\\d)s\\n$`,
      ),
    );
  });
});
