// A Pod's DNS configuration as the kubelet builds it (pkg/kubelet/network/dns/dns.go: GetPodDNS,
// getPodDNSType, appendDNSConfig, mergeDNSOptions, formDNSConfigFitsLimits) and containerd writes
// it to /etc/resolv.conf (`search …`, one `nameserver` line each, `options …`), and the file as
// musl's resolver reads it back (src/network/resolvconf.c). Pure: no cluster state.
import type { Pod } from '../api/types';
import { podDnsType } from './hostnet';

/** spec.dnsConfig (core/v1 PodDNSConfig). */
export interface PodDNSConfigSpec {
  nameservers?: string[];
  searches?: string[];
  options?: { name?: string; value?: string }[];
}

/** runtimeapi.DNSConfig: what the kubelet hands the runtime. */
export interface RuntimeDnsConfig {
  servers: string[];
  searches: string[];
  options: string[];
}

// pkg/apis/core/validation (1.34): MaxDNSNameservers, MaxDNSSearchPaths, MaxDNSSearchListChars.
export const MAX_DNS_NAMESERVERS = 3;
export const MAX_DNS_SEARCH_PATHS = 32;
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;
/** utilvalidation.DNS1123SubdomainMaxLength: longer search paths are dropped (glibc 2.28 aborts). */
const SEARCH_PATH_MAX = 253;

/**
 * Well-known public resolvers a dnsConfig may name. They answer public names and know nothing of
 * the cluster's zone (NXDOMAIN); the value names them on the graph (`external:dns.google`).
 */
export const PUBLIC_RESOLVERS: Readonly<Record<string, string>> = {
  '8.8.8.8': 'dns.google',
  '8.8.4.4': 'dns.google',
  '1.1.1.1': 'one.one.one.one',
  '1.0.0.1': 'one.one.one.one',
};

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** spec.dnsConfig, read defensively (a stored object may come from anywhere: tests, the store). */
export function podDnsConfigSpec(pod: Pod | undefined): PodDNSConfigSpec | undefined {
  const c = (pod?.spec as { dnsConfig?: unknown } | undefined)?.dnsConfig;
  if (!c || typeof c !== 'object') return undefined;
  const o = c as Record<string, unknown>;
  return {
    nameservers: strings(o.nameservers),
    searches: strings(o.searches),
    options: Array.isArray(o.options)
      ? o.options.filter((x): x is { name?: string; value?: string } => !!x && typeof x === 'object')
      : [],
  };
}

function omitDuplicates(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * mergeDNSOptions: options keyed by name in a Go map, the Pod's overwriting the base's (a key
 * keeps the slot it was first put in), then read back by ranging over the map. Go 1.24's maps of
 * up to 8 entries are one group filled in insertion order, and ranging starts at a random slot
 * and wraps (internal/runtime/maps Iter.Next: `(entryIdx + entryOffset) % 8`): a rotation of the
 * insertion order. `offset` is that random start, fixed per Pod since the file is written once.
 * (Larger maps range in hash order, which is not modelled: they rotate the same way.)
 */
export function mergeDnsOptions(
  existing: string[],
  podOptions: PodDNSConfigSpec['options'],
  offset: number,
): string[] {
  const m = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i >= 0) m.set(op.slice(0, i), op.slice(i + 1));
    else m.set(op, '');
  }
  for (const op of podOptions ?? []) m.set(String(op.name ?? ''), op.value == null ? '' : String(op.value));
  const entries = [...m].map(([k, v]) => (v !== '' ? `${k}:${v}` : k));
  const slots = Math.max(8, entries.length);
  const out: string[] = [];
  for (let i = 0; i < slots; i++) {
    const e = entries[(i + offset) % slots];
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** formDNSSearchFitsLimits: at most 32 paths, none over 253 characters, 2048 characters in all. */
export function fitSearches(searches: string[]): string[] {
  let s = searches.slice(0, MAX_DNS_SEARCH_PATHS).filter((d) => d.length <= SEARCH_PATH_MAX);
  const len = s.join(' ').length;
  if (len > MAX_DNS_SEARCH_LIST_CHARS) {
    // Cut whole domains from the end until the line fits.
    let cut = 0;
    let n = 0;
    for (let i = s.length - 1; i >= 0; i--) {
      cut += (s[i] as string).length + 1;
      n++;
      if (len - cut <= MAX_DNS_SEARCH_LIST_CHARS) break;
    }
    s = s.slice(0, s.length - n);
  }
  return s;
}

/** The per-Pod start of the options map's iteration (FNV-1a of the Pod's uid, mod 8). */
export function optionsOffset(pod: Pod | undefined): number {
  const id = pod?.metadata.uid ?? pod?.metadata.name ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % 8;
}

export interface NodeDnsEnv {
  /** The kubelet's --cluster-dns. */
  clusterDNS: string[];
  clusterDomain: string;
  /** The node's own resolv.conf (the kubelet's --resolv-conf). */
  host: RuntimeDnsConfig;
}

/** GetPodDNS: the base for the Pod's DNS type, then spec.dnsConfig appended, then the limits. */
export function podDns(pod: Pod | undefined, namespace: string, env: NodeDnsEnv): RuntimeDnsConfig {
  return formPodDns(pod, namespace, env).config;
}

/**
 * The Warning events (reason DNSConfigForming, on the Pod) the kubelet records while it fits the
 * merged lists into the limits (formDNSNameserversFitsLimits, then formDNSSearchFitsLimits).
 */
export function dnsConfigFormingMessages(pod: Pod | undefined, namespace: string, env: NodeDnsEnv): string[] {
  return formPodDns(pod, namespace, env).warnings;
}

function formPodDns(
  pod: Pod | undefined,
  namespace: string,
  env: NodeDnsEnv,
): { config: RuntimeDnsConfig; warnings: string[] } {
  let cfg: RuntimeDnsConfig = {
    servers: [...env.host.servers],
    searches: [...env.host.searches],
    options: [...env.host.options],
  };
  const type = podDnsType(pod);
  if (type === 'none') cfg = { servers: [], searches: [], options: [] };
  else if (type === 'cluster' && env.clusterDNS.length > 0) {
    const d = env.clusterDomain;
    cfg = {
      servers: [...env.clusterDNS],
      // generateSearchesForDNSClusterFirst: <ns>.svc.<domain> svc.<domain> <domain>, then the host's.
      searches: d ? omitDuplicates([`${namespace}.svc.${d}`, `svc.${d}`, d, ...cfg.searches]) : cfg.searches,
      options: ['ndots:5'],
    };
  }
  const spec = podDnsConfigSpec(pod);
  if (spec) {
    cfg = {
      servers: omitDuplicates([...cfg.servers, ...(spec.nameservers ?? [])]),
      searches: omitDuplicates([...cfg.searches, ...(spec.searches ?? [])]),
      options: mergeDnsOptions(cfg.options, spec.options, optionsOffset(pod)),
    };
  }
  const servers = cfg.servers.slice(0, MAX_DNS_NAMESERVERS);
  const searches = fitSearches(cfg.searches);
  const warnings: string[] = [];
  if (servers.length < cfg.servers.length)
    warnings.push(
      `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${servers.join(' ')}`,
    );
  if (searches.length < cfg.searches.length)
    warnings.push(
      `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${searches.join(' ')}`,
    );
  return { config: { servers, searches, options: cfg.options }, warnings };
}

/** containerd's resolv.conf text (pkg/cri parseDNSOptions): each line only when it has entries. */
export function formatResolvConf(cfg: RuntimeDnsConfig): string {
  let out = '';
  if (cfg.searches.length) out += `search ${cfg.searches.join(' ')}\n`;
  for (const s of cfg.servers) out += `nameserver ${s}\n`;
  if (cfg.options.length) out += `options ${cfg.options.join(' ')}\n`;
  return out;
}

export interface MuslResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** Seconds one question may wait for a reply (all attempts included): 5, at most 60. */
  timeout: number;
  /** Sends within that time: 2, at most 10. */
  attempts: number;
}

/** strstr(line, key) then strtoul: the number right after the first `key`, capped; else undefined. */
function optionNumber(line: string, key: string, max: number): number | undefined {
  const i = line.indexOf(key);
  const m = i < 0 ? null : /^\d+/.exec(line.slice(i + key.length));
  return m ? Math.min(max, Number(m[0])) : undefined;
}

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

/**
 * musl __get_resolv_conf: lines are read with a 256-byte fgets buffer and a line that does not fit
 * (254 characters or more before its newline) is skipped whole, so an over-long search line is
 * ignored; `nameserver` lines up to 3 (127.0.0.1 when none), the last `search`/`domain` line,
 * `ndots:` (at most 15, default 1), `timeout:` (60, 5) and `attempts:` (10, 2) found anywhere on
 * an `options` line.
 */
export function muslResolvConf(text: string): MuslResolvConf {
  const conf: MuslResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2 };
  for (const line of text.split('\n')) {
    if (line.length > 254) continue;
    const key = /^(\S+)\s/.exec(line)?.[1];
    if (key === 'options') {
      conf.ndots = optionNumber(line, 'ndots:', 15) ?? conf.ndots;
      conf.attempts = optionNumber(line, 'attempts:', 10) ?? conf.attempts;
      conf.timeout = optionNumber(line, 'timeout:', 60) ?? conf.timeout;
    } else if (key === 'nameserver') {
      const ip = line.slice(11).trim().split(/\s+/)[0] ?? '';
      if (conf.nameservers.length < 3 && IP_LITERAL.test(ip)) conf.nameservers.push(ip);
    } else if (key === 'search' || key === 'domain') {
      conf.search = line.slice(7).trim().split(/\s+/).filter(Boolean);
    }
  }
  if (conf.nameservers.length === 0) conf.nameservers.push('127.0.0.1');
  return conf;
}
