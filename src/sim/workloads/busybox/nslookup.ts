// BusyBox 1.34.1 nslookup (networking/nslookup.c, FEATURE_NSLOOKUP_BIG): its own resolver, not
// libc's. It applies the search list ONLY to names without a dot, queries every A name, then
// every AAAA name, and prints each reply as it arrives followed by a blank line. Any NXDOMAIN
// makes the exit code 1, even when another search domain answered (reference §B10).
import type { ProcContext } from '../../../kubectl/shell/types';
import type { DnsAnswer, DnsQType, DnsRecord } from '../../contract';
import { getProfile } from '../../profiles';
import { dnsServerAt, dnsTrace, KUBE_DNS_REF, parseResolvConf } from '../dns';
import { imageInfo } from '../images';
import { getPod, isIPv4 } from '../pods';
import type { PodProc } from '../proc';
import { getaddrinfo, podSource } from '../resolve';
import { usageText } from './usage';

const QTYPES: Record<string, DnsQType | 'unsupported'> = {
  a: 'A',
  aaaa: 'AAAA',
  cname: 'CNAME',
  ptr: 'PTR',
  srv: 'SRV',
  soa: 'unsupported',
  ns: 'unsupported',
  mx: 'unsupported',
  txt: 'unsupported',
  any: 'unsupported',
};

const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

/** One answer section line (or two, for A/AAAA) as parse_reply() prints it. */
export function formatRecord(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${r.name}\nAddress: ${r.value}\n`;
    case 'CNAME':
      return `${r.name}\tcanonical name = ${r.value}\n`;
    case 'PTR':
      return `${r.name}\tname = ${r.value}\n`;
    case 'SRV':
      return `${r.name}\tservice = ${r.value}\n`;
    default:
      return '';
  }
}

/** The text for one reply: `** server can't find …` or the answer records, then a blank line. */
export function formatReply(a: DnsAnswer): string {
  if (a.rcode === 'NXDOMAIN' || a.rcode === 'SERVFAIL')
    return `** server can't find ${a.question}: ${a.rcode}\n\n`;
  let out = a.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const r of a.records) out += formatRecord(r);
  return `${out}\n`;
}

/** The Server/Address header printed on the first reply. */
export function formatHeader(serverName: string, serverIP: string, port = 53): string {
  return `Server:\t\t${serverName}\nAddress:\t${serverIP}:${port}\n\n`;
}

/** The full output and exit code for a set of replies (in arrival order). */
export function formatNslookup(
  serverName: string,
  serverIP: string,
  answers: DnsAnswer[],
  port = 53,
): { text: string; exitCode: number } {
  const replied = answers.filter((a) => a.rcode !== 'TIMEOUT');
  if (replied.length === 0)
    return { text: ';; connection timed out; no servers could be reached\n\n', exitCode: 1 };
  let text = formatHeader(serverName, serverIP, port);
  let exitCode = 0;
  for (const a of replied) {
    text += formatReply(a);
    if (a.rcode !== 'NOERROR') exitCode = 1;
  }
  const unanswered = answers.filter((a) => a.rcode === 'TIMEOUT');
  for (const a of unanswered) text += `*** Can't find ${a.question}: No answer\n`;
  if (unanswered.length) {
    text += '\n';
    exitCode = 1;
  }
  return { text, exitCode };
}

/** The cluster domain: the last search entry of a ClusterFirst resolv.conf (`cluster.local`). */
function clusterDomain(resolvConf: string): string {
  const search = parseResolvConf(resolvConf).search;
  return search[search.length - 1] ?? 'cluster.local';
}

/**
 * Replies print in arrival order. CoreDNS answers names in its own zone (and NXDOMAINs) from
 * memory at once; anything it had to forward upstream — an ExternalName's target, an outside
 * name — comes back tens of milliseconds later, so those blocks land last (the book's
 * `nslookup numbers-api | tail -n 5` relies on it).
 */
export function arrivalOrder(answers: DnsAnswer[], resolvConf: string): DnsAnswer[] {
  return arrivalOrderIn(answers, clusterDomain(resolvConf));
}

/** `arrivalOrder` with the cluster's zone given. */
export function arrivalOrderIn(answers: DnsAnswer[], zone: string): DnsAnswer[] {
  const local = (name: string) =>
    name === zone || name.endsWith(`.${zone}`) || name.endsWith('.in-addr.arpa');
  const upstream = (a: DnsAnswer) =>
    !a.authoritative || a.records.some((r) => !local(r.name) || (r.type === 'CNAME' && !local(r.value)));
  return [...answers.filter((a) => !upstream(a)), ...answers.filter(upstream)];
}

/**
 * What the node's resolver answers: CoreDNS's upstream answers pass through as they are (both go
 * to the same upstream); a name CoreDNS answers from its own zones (cluster.local, the cluster's
 * reverse names) is unknown upstream, so NXDOMAIN.
 */
function fromNodeResolver(a: DnsAnswer): DnsAnswer {
  return a.authoritative
    ? { question: a.question, qtype: a.qtype, rcode: 'NXDOMAIN', records: [], authoritative: false }
    : a;
}

function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

export function nslookup(argv: string[], ctx: ProcContext, p: PodProc): number {
  const args = argv.slice(1);
  const types: DnsQType[] = [];
  let port = 53;
  // G.default_timeout (5 s) and G.default_retry (2): sends go out every timeout/retry.
  const wait = { timeoutMs: 5000, retry: 2 };
  while (args[0]?.startsWith('-')) {
    const a = (args.shift() ?? '').slice(1);
    const eq = a.indexOf('=');
    const key = eq < 0 ? a : a.slice(0, eq);
    const val = eq < 0 ? '' : a.slice(eq + 1);
    const i = OPTIONS.indexOf(key);
    if (i < 0) {
      ctx.err(usageText('nslookup'));
      return 1;
    }
    if (i <= 1) {
      const t = QTYPES[val.toLowerCase()];
      if (t === undefined) {
        ctx.err(`nslookup: invalid query type "${val}"\n`);
        return 1;
      }
      if (t !== 'unsupported' && !types.includes(t)) types.push(t);
    } else if (i === 2 && /^\d+$/.test(val)) port = Number(val);
    else if (i === 3 && /^[1-9]\d*$/.test(val)) wait.retry = Number(val);
    else if (i >= 5 && /^[1-9]\d*$/.test(val)) wait.timeoutMs = Number(val) * 1000;
  }
  const name = args[0];
  if (!name || args.length > 2) {
    ctx.err(usageText('nslookup'));
    return 1;
  }
  const conf = parseResolvConf(p.cluster.net.resolvConf(p.podKey));
  // nslookup_main(): the server on the command line, else every `nameserver` of resolv.conf
  // (127.0.0.1 when there is none), asked one after the other until one replies.
  const servers: { name: string; ip: string }[] = [];
  const given = args[1];
  if (given !== undefined) {
    const r = getaddrinfo(p, ctx, given);
    if (!r.ip) {
      ctx.err(`nslookup: bad address '${given}'\n`);
      return 1;
    }
    servers.push({ name: given, ip: r.ip });
  } else
    for (const ip of conf.nameservers.length ? conf.nameservers : ['127.0.0.1'])
      servers.push({ name: ip, ip });

  // add_query_with_search(): the search list only for a name with no dot at all. With a server
  // on the command line nslookup_main() never calls parse_resolvconf(), so there is no search
  // list at all: `nslookup numbers-api 10.96.0.10` asks for the bare `numbers-api`.
  const search = given === undefined ? conf.search : [];
  const withSearch = (n: string): string[] =>
    n.includes('.') || search.length === 0 ? [n] : search.map((d) => `${n}.${d}`);
  const questions: [string, DnsQType][] = [];
  if (types.length === 0) {
    if (isIPv4(name)) questions.push([reverseName(name), 'PTR']);
    else {
      for (const n of withSearch(name)) questions.push([n, 'A']);
      for (const n of withSearch(name)) questions.push([n, 'AAAA']);
    }
  } else {
    for (const t of types) for (const n of t === 'PTR' ? [name] : withSearch(name)) questions.push([n, t]);
  }

  for (const server of servers) {
    const answers = askServer(p, ctx, server.ip, port, questions, name, wait);
    if (!answers) continue;
    const { text, exitCode } = formatNslookup(
      server.name,
      server.ip,
      arrivalOrderIn(answers, getProfile(p.cluster.profile).clusterDomain),
      port,
    );
    ctx.sleep(1);
    ctx.out(text);
    return exitCode;
  }
  const { text, exitCode } = formatNslookup('', '', []);
  ctx.out(text);
  return exitCode;
}

/**
 * send_queries() to one server: its replies, or undefined when none came within the 5 s timeout
 * (2 tries). A resolver outside the cluster (the node's, a public one) answers from the internet,
 * which has no cluster zone. Inside, the UDP exchange goes through kube-proxy like any packet:
 * with no ready CoreDNS endpoint the kube-dns ClusterIP REJECTs it (ICMP port unreachable, which
 * BusyBox reports on its connected socket once per send), and an address nobody serves DNS on
 * never answers.
 */
function askServer(
  p: PodProc,
  ctx: ProcContext,
  ip: string,
  port: number,
  questions: [string, DnsQType][],
  name: string,
  wait: { timeoutMs: number; retry: number },
): DnsAnswer[] | undefined {
  const at = dnsServerAt(p.cluster, ip);
  const found = (answers: DnsAnswer[]) => answers.some((a) => a.records.length > 0);
  if (at.kind === 'upstream' && port === 53) {
    const answers = questions.map(([q, t]) => fromNodeResolver(p.cluster.net.query(q, t)));
    ctx.trace(dnsTrace(p.cluster, podSource(p), ip, name, answers, found(answers), at.ref));
    return answers;
  }
  const path = p.cluster.net.trace({ source: podSource(p), destination: ip, protocol: 'UDP', port });
  const endpoint = path.endpoint?.pod ? getPod(p.cluster, path.endpoint.pod) : undefined;
  const coreDns =
    at.kind === 'cluster' &&
    path.verdict === 'delivered' &&
    (at.ref === KUBE_DNS_REF ||
      at.ref.startsWith('Pod/') ||
      endpoint?.spec.containers.some((c) => imageInfo(c.image).app === 'coredns') === true);
  if (coreDns) {
    const answers = questions.map(([q, t]) => p.cluster.net.query(q, t));
    ctx.trace(dnsTrace(p.cluster, podSource(p), ip, name, answers, found(answers), at.ref));
    return answers;
  }
  ctx.trace(path);
  if (path.verdict === 'refused') {
    // retry_interval = timeout / retry (C integer division); the last wait runs to the timeout.
    const every = Math.floor(wait.timeoutMs / wait.retry);
    for (let i = 0; i < wait.retry; i++) {
      ctx.err('nslookup: read: Connection refused\n');
      ctx.sleep(i < wait.retry - 1 ? every : wait.timeoutMs - every * (wait.retry - 1));
    }
  } else ctx.sleep(wait.timeoutMs);
  return undefined;
}
