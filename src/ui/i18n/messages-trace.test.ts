// The tracer's sentences in the trace catalogues, over every trace the packet tracer's own tests
// produce (their files are run again here, with a recorder on Tracer.trace) and the traces the
// workloads build themselves (name lookups, port-forwards: nslookup, ping, wget and curl tests, with
// recorders on dnsTrace and httpRequest), and the HTTP client's errors (HttpError.code, which the
// browser pane shows: the same tests, and the few below): the English message of
// each code renders to exactly the tracer's English text (kubectl and the replay show that text, the
// Korean page shows the Korean message, so the two must say the same thing), every prose label has a
// code, and the Korean message of each code is whole Korean around its notation.
import { describe, expect, it, vi } from 'vitest';
import type { TextCode, TextParam, Trace } from '../../sim/contract';
import { netHarness, pod } from '../../sim/net/test-helpers';
import { Tracer } from '../../sim/net/trace';
import { httpRequest } from '../../sim/workloads/http/client';
import type { HttpError } from '../../sim/workloads/http/types';
import { API_SVC, numbersApp, podKeyFor } from '../../sim/workloads/testkit';
import { placeholders, strayEnglish } from './ko-check';
import { koTrace } from './messages-ko';
import { enTrace, type TraceMessageKey } from './messages-trace';
import { renderText } from './trace-text';
import '../../sim/net/trace.test';
import '../../sim/net/trace-dns.test';
import '../../sim/net/hostnetwork-trace.test';
import '../../sim/net/policy-trace.test';
import '../../sim/net/ipvs.test';
import '../../sim/net/integration.test';
import '../../sim/net/dns.test';
import '../../sim/net/hostnetwork.test';
import '../../sim/net/hostnetwork-dns.test';
import '../../sim/net/statefulset-dns.test';
import '../../sim/workloads/nslookup.test';
import '../../sim/workloads/resolve-dns.test';
import '../../sim/workloads/http.test';
import '../../sim/workloads/ping.test';

const seen: Trace[] = vi.hoisted(() => []);
const errors: HttpError[] = vi.hoisted(() => []);

// the traces made outside the tracer: every lookup's (dnsTrace) and every HTTP exchange's
vi.mock('../../sim/workloads/dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../sim/workloads/dns')>();
  const dnsTrace: typeof real.dnsTrace = (...args) => {
    const t = real.dnsTrace(...args);
    seen.push(structuredClone(t));
    return t;
  };
  return { ...real, dnsTrace };
});
vi.mock('../../sim/workloads/http/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../sim/workloads/http/client')>();
  const httpRequest: typeof real.httpRequest = (...args) => {
    const r = real.httpRequest(...args);
    seen.push(...structuredClone(r.traces));
    if (r.error) errors.push(structuredClone(r.error));
    return r;
  };
  return { ...real, httpRequest };
});

const real = Tracer.prototype.trace;
Tracer.prototype.trace = function (this: Tracer, ...args: Parameters<Tracer['trace']>) {
  const t = real.apply(this, args);
  seen.push(structuredClone(t));
  return t;
};

/** Every code of a trace: its reason's and its prose hop labels', each with the English text. */
function codes(t: Trace): { code: TextCode; english: string }[] {
  const out = t.reasonCode ? [{ code: t.reasonCode, english: t.reason }] : [];
  for (const h of t.hops) if (h.textCode) out.push({ code: h.textCode, english: h.label });
  return out;
}

/** Every key a code uses, nested ones included. */
function keys(code: TextCode, into = new Set<string>()): Set<string> {
  into.add(code.key);
  const visit = (v: TextParam) => {
    if (Array.isArray(v)) for (const c of v) keys(c, into);
    else if (typeof v === 'object') keys(v, into);
  };
  for (const v of Object.values(code.params)) visit(v);
  return into;
}

/** The notation a code carries (addresses, names, chains): the words a Korean sentence keeps. */
function notation(code: TextCode, into: string[] = []): string[] {
  for (const v of Object.values(code.params)) {
    if (typeof v === 'number' || (typeof v === 'string' && v !== '')) into.push(String(v));
    else if (Array.isArray(v)) for (const c of v) notation(c, into);
    else if (typeof v === 'object') notation(v, into);
  }
  return into;
}

/**
 * Hop labels that are notation, not prose: packets, answers, DNS questions and records, DNAT and
 * forwarding arrows, chains and IPVS virtual servers, the Docker Desktop VM hop.
 */
const NOTATION =
  /^(SYN|SYN-ACK|RST|UDP|UDP reply|ICMP port unreachable|REJECT icmp-port-unreachable|KUBE-[A-Z0-9-]+|IPVS \S+ rr|localhost:\d+ → Docker Desktop VM|port-forward localhost:\d+ → \d+|:\d+)$|^(ICMP echo|SYN|UDP|DNAT) → |^→ |^NXDOMAIN |^[A-Z]+\? |^(A|AAAA|CNAME|SRV|PTR) /;

/** Latin words the tracer's Korean sentences keep, beyond the catalogue's (./ko-check). */
const TRACE_TERMS = new Set(
  `ClusterIP CoreDNS kube-dns kube-ipvs0 SYN RST SNAT DNAT REJECT DROP CNAME NOERROR hostNetwork
   internalTrafficPolicy externalTrafficPolicy Local Terminating kubelet API extraPortMappings
   port unreachable icmp-port-unreachable kubernetes`.split(/\s+/),
);

/** Keys whose Korean is the English: a pure format, or a term Korean keeps. */
const SAME = new Set<string>(['via', 'viaService', 'ipvsRule', 'daemonKubelet']);

describe('a few traces the tracer tests do not make', () => {
  it('a gone source, a missing port, ping to localhost, UDP to a Pod port nobody listens on', () => {
    const { api, loop, net } = netHarness();
    api.create(
      pod('sleep-1-aaaaa', { labels: { app: 'sleep-1' }, ip: '10.1.0.10', image: 'kiamol/ch03-sleep' }),
    );
    loop.runUntilIdle();
    const sleep1 = { kind: 'pod', key: 'Pod/default/sleep-1-aaaaa' } as const;
    const verdicts = [
      net.trace({
        source: { kind: 'pod', key: 'Pod/default/gone' },
        destination: '10.1.0.10',
        protocol: 'ICMP',
      }),
      net.trace({ source: sleep1, destination: '10.1.0.10', protocol: 'TCP' }),
      net.trace({ source: { kind: 'host' }, destination: '127.0.0.1', protocol: 'ICMP' }),
      net.trace({ source: sleep1, destination: '10.1.0.10', protocol: 'UDP', port: 9999 }),
    ].map((t) => t.verdict);
    expect(verdicts).toEqual(['timeout', 'refused', 'delivered', 'refused']);
  });
});

describe('HTTP errors the workloads tests do not make', () => {
  it('a bad URL, a TCP connection CoreDNS closes without a word, a -m shorter than the answer', () => {
    const d = numbersApp({ seed: 9 });
    d.applyOk(API_SVC).advance(5000);
    const c = d.cluster;
    const source = { kind: 'pod', key: podKeyFor(c, 'sleep-1') } as const;
    const rng = 'http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng';
    const kinds = [
      httpRequest(c, { source, url: 'ht tp://x' }),
      httpRequest(c, { source, url: 'http://10.96.0.10:53/' }),
      httpRequest(c, { source, url: rng, timeoutMs: 1 }),
    ].map((r) => r.error?.kind);
    expect(kinds).toEqual(['nxdomain', 'refused', 'timeout']);
  });
});

describe('the trace catalogues against the traces the tracer tests produce', () => {
  it('recorded the traces of the tracer tests', () => {
    expect(seen.length).toBeGreaterThan(100);
  });

  it('every trace has a reason code, and the English message renders to the tracer text', () => {
    const wrong = seen.flatMap((t) =>
      codes(t)
        .filter(({ code, english }) => renderText(enTrace, code) !== english)
        .map(({ code, english }) => `${code.key}: ${renderText(enTrace, code)} ≠ ${english}`),
    );
    expect(seen.filter((t) => !t.reasonCode).map((t) => t.reason)).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('a hop label without a code is notation', () => {
    const prose = seen.flatMap((t) => t.hops.filter((h) => !h.textCode && !NOTATION.test(h.label)));
    expect(prose.map((h) => h.label)).toEqual([]);
  });

  it("covers the chapter's cases", () => {
    const used = new Set<string>();
    for (const t of seen) for (const { code } of codes(t)) keys(code, used);
    // pod → pod IP ping; ping to a ClusterIP (iptables, IPVS); TCP to a Service with and without
    // endpoints; NXDOMAIN; NodePort and LoadBalancer from the host; ExternalName; the old IP of a
    // deleted Pod; a DNS server that does not answer
    for (const k of [
      'pingPod',
      'pingClusterIP',
      'noRuleIcmp',
      'nobodyOwns',
      'pingIpvs',
      'viaService',
      'podListens',
      'noEndpoints',
      'noEndpointsIpvs',
      'dnsNoResolve',
      'dnsCname',
      'externalDelivered',
      'formerPod',
      'dnsSilence',
      'lostTcp',
      'lostNoReply',
      'noSource',
      'needsPort',
      'pingLocalhost',
      'podRefusedUdp',
      // the workloads' own traces: nslookup and the lookup before a packet, port-forwards
      'dnsResolvedOne',
      'dnsResolved',
      'dnsAllNxdomain',
      'dnsNoRecords',
      'silentKubeDns',
      'silentOn',
      'pfTunnel',
      'pfRefused',
      'pfNoListener',
    ])
      expect(used, k).toContain(k);
  });

  it('every code renders whole in Korean, differently from English, with no English word left', () => {
    const bad: string[] = [];
    for (const t of seen)
      for (const { code, english } of codes(t)) {
        const ko = renderText(koTrace, code);
        if (ko === undefined || ko.includes('{')) bad.push(`${code.key}: not rendered`);
        else if (ko === english && !SAME.has(code.key)) bad.push(`${code.key}: English`);
        else {
          // the notation it carries (names, addresses, images) is removed first, longest first
          let rest = ko;
          for (const n of notation(code).sort((a, b) => b.length - a.length)) rest = rest.split(n).join(' ');
          for (const w of strayEnglish(rest, TRACE_TERMS)) bad.push(`${code.key}: ${w} in ${ko}`);
        }
      }
    expect([...new Set(bad)]).toEqual([]);
  });
});

describe("the HTTP client's errors in the trace catalogues (the browser pane's explanations)", () => {
  it('recorded the errors of the HTTP tests', () => {
    expect(errors.length).toBeGreaterThan(10);
  });

  it('every error has a code whose English message is its text', () => {
    expect(errors.filter((e) => !e.code).map((e) => e.message)).toEqual([]);
    const wrong = errors
      .filter((e) => e.code && renderText(enTrace, e.code) !== e.message)
      .map((e) => `${e.code?.key}: ${e.code && renderText(enTrace, e.code)} ≠ ${e.message}`);
    expect(wrong).toEqual([]);
  });

  it("covers the client's own words and the refusals and timeouts a browser meets", () => {
    const used = new Set<string>();
    for (const e of errors) if (e.code) keys(e.code, used);
    // its own: a bad URL, a host name the machine cannot resolve, an answer too late, a reset;
    // through the trace: nothing on localhost, a port-forward into a Pod nobody listens in, a Service
    // whose Pod has nothing on the port, a SYN never answered
    for (const k of [
      'httpBadUrl',
      'httpNoHost',
      'httpNoAnswer',
      'httpReset',
      'hostNoListener',
      'pfRefused',
      'podRefusedTcp',
      'lostTcp',
    ])
      expect(used, k).toContain(k);
  });

  it('every error renders whole in Korean, with no English word left', () => {
    const bad: string[] = [];
    for (const e of errors) {
      if (!e.code) continue;
      const ko = renderText(koTrace, e.code);
      if (ko === undefined || ko.includes('{')) bad.push(`${e.code.key}: not rendered`);
      else if (ko === e.message) bad.push(`${e.code.key}: English`);
      else {
        let rest = ko;
        for (const n of notation(e.code).sort((a, b) => b.length - a.length)) rest = rest.split(n).join(' ');
        for (const w of strayEnglish(rest, TRACE_TERMS)) bad.push(`${e.code.key}: ${w} in ${ko}`);
      }
    }
    expect([...new Set(bad)]).toEqual([]);
  });
});

describe('the Korean trace catalogue', () => {
  const all = Object.keys(enTrace) as TraceMessageKey[];

  it('translates every message but formats, with the same placeholders and no English word left', () => {
    for (const k of all) {
      expect(koTrace[k], k).toBeTruthy();
      if (!SAME.has(k)) expect(koTrace[k], k).not.toBe(enTrace[k]);
      expect([...new Set(placeholders(koTrace[k]))], k).toEqual([...new Set(placeholders(enTrace[k]))]);
      expect(strayEnglish(koTrace[k], TRACE_TERMS), k).toEqual([]);
    }
  });

  it('renders nested sentences and lists, and gives up on a missing key', () => {
    const code: TextCode = {
      key: 'lostNoReply',
      params: { reason: { key: 'nobodyOwnsIP', params: { ip: '10.1.0.9' } } },
    };
    expect(renderText(enTrace, code)).toBe('no Pod, node or host owns 10.1.0.9, so nothing answers');
    expect(renderText(koTrace, code)).toBe(
      '10.1.0.9을(를) 가진 Pod, 노드, 호스트가 없습니다. 그래서 아무도 응답하지 않습니다',
    );
    const list: TextCode = {
      key: 'dnsSilence',
      params: {
        question: 'a.default.svc.cluster.local',
        why: [
          { key: 'silentKubeDns', params: {} },
          { key: 'silentNode', params: { node: 'n1', ip: '172.18.0.2' } },
        ],
      },
    };
    expect(renderText(enTrace, list)).toBe(
      'the DNS query for a.default.svc.cluster.local got no answer: the kube-dns Service has no ready CoreDNS endpoint; nothing on node n1 (172.18.0.2) serves DNS',
    );
    expect(renderText(koTrace, { key: 'lostNoReply', params: { reason: { key: 'nope', params: {} } } })).toBe(
      undefined,
    );
  });
});
