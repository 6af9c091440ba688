// BusyBox system applets: hostname, env, ip (addr/route), sleep, true, false; ls's columns.
import type { ProcContext } from '../../../kubectl/shell/types';
import type { Node } from '../../api/types';
import { hostsFileAddresses, podHostname } from '../hosts';
import { type PodProc, readPodFile } from '../proc';
import { streamFor } from '../state';
import { environ } from './info';
import { usageText } from './usage';

export function hostname(argv: string[], ctx: ProcContext, p: PodProc): number {
  const name = podHostname(p.cluster, p.pod);
  if (argv[1] === '-i') {
    // gethostbyname(): the host name's IPv4 lines in /etc/hosts, space-separated (hostname.c).
    // None there (a hostNetwork Pod on a node whose own file is not modelled, hosts.ts): the
    // Pod IP, which is the node's.
    const ips = hostsFileAddresses(readPodFile(p, '/etc/hosts') ?? '', name);
    ctx.out(`${ips.length > 0 ? ips.join(' ') : (p.pod.status?.podIP ?? '')}\n`);
  } else ctx.out(`${name}\n`);
  return 0;
}

export function env(argv: string[], ctx: ProcContext, p: PodProc): number {
  if (argv.length > 1 && !argv.slice(1).every((a) => a === '-i' || a.includes('='))) {
    ctx.err(`env: can't execute '${argv[1]}': No such file or directory\n`);
    return 127;
  }
  // What the shell passed down (its exported variables), or the container's own at the top.
  ctx.out(
    Object.entries(environ(ctx, p))
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  return 0;
}

function prefixOf(p: PodProc): number {
  const nodes = p.cluster.list('Node') as Node[];
  const node = nodes.find((n) => n.metadata.name === p.pod.spec.nodeName) ?? nodes[0];
  const cidr = node?.spec.podCIDR ?? '';
  const bits = Number(cidr.split('/')[1]);
  return Number.isFinite(bits) && bits > 0 ? bits : 24;
}

function broadcast(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = (n | (~mask >>> 0)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

function network(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = (n & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

/** A stable locally-administered MAC per Pod (veth peers get random ones). */
function macOf(p: PodProc): number[] {
  const rng = streamFor(p.cluster, `mac:${p.pod.metadata.uid}`);
  const bytes = Array.from({ length: 6 }, () => rng.int(256));
  bytes[0] = ((bytes[0] ?? 0) & 0xfc) | 0x02;
  return bytes;
}

function ipAddr(p: PodProc, ctx: ProcContext, family?: '4' | '6'): number {
  const ip = p.pod.status?.podIP;
  const prefix = prefixOf(p);
  const mac = macOf(p);
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  const macText = mac.map(hex).join(':');
  const eui = [
    (mac[0] ?? 0) ^ 2,
    mac[1] ?? 0,
    mac[2] ?? 0,
    0xff,
    0xfe,
    mac[3] ?? 0,
    mac[4] ?? 0,
    mac[5] ?? 0,
  ];
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 2) groups.push((((eui[i] ?? 0) << 8) | (eui[i + 1] ?? 0)).toString(16));
  const ifindex = 10 + streamFor(p.cluster, `ifindex:${p.pod.metadata.uid}`).int(40);
  let out = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n';
  out += '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n';
  if (family !== '6')
    out += '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n';
  if (family !== '4')
    out += '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n';
  out += `2: eth0@if${ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n`;
  out += `    link/ether ${macText} brd ff:ff:ff:ff:ff:ff\n`;
  if (ip && family !== '6')
    out += `    inet ${ip}/${prefix} brd ${broadcast(ip, prefix)} scope global eth0\n       valid_lft forever preferred_lft forever\n`;
  if (family !== '4')
    out += `    inet6 fe80::${groups.join(':').replace(/(^|:)0(:0)*(:|$)/, '::')}/64 scope link \n       valid_lft forever preferred_lft forever\n`;
  ctx.out(out);
  return 0;
}

export function ip(argv: string[], ctx: ProcContext, p: PodProc): number {
  const args = argv.slice(1);
  let family: '4' | '6' | undefined;
  while (args[0] === '-4' || args[0] === '-6') family = args.shift() === '-4' ? '4' : '6';
  const obj = args[0] ?? '';
  if ('address'.startsWith(obj) && obj !== '') return ipAddr(p, ctx, family);
  if ('route'.startsWith(obj) && obj !== '') {
    const podIP = p.pod.status?.podIP;
    const prefix = prefixOf(p);
    if (podIP) {
      const net = network(podIP, prefix);
      const gw = net.replace(/\.\d+$/, (m) => `.${Number(m.slice(1)) + 1}`);
      ctx.out(`default via ${gw} dev eth0 \n${net}/${prefix} dev eth0 scope link  src ${podIP} \n`);
    }
    return 0;
  }
  ctx.err(
    `${usageText('ip').replace(/Usage: ip\n$/, 'Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n')}`,
  );
  return 1;
}

/** BusyBox sleep: sums its arguments, each with an optional s/m/h/d suffix (fractions allowed). */
export function sleep(argv: string[], ctx: ProcContext): number {
  const args = argv.slice(1);
  if (args.length === 0) {
    ctx.err(usageText('sleep'));
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m?.[1]) {
      ctx.err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
    ms += Number(m[1]) * mult * 1000;
  }
  // The clock is simulated and shared: like the host's `sleep` (MAX_SLEEP_S), one call lets at
  // most an hour pass, so `kubectl exec … -- sleep 99999999` cannot age the cluster by years.
  ctx.sleep(Math.round(Math.min(ms, MAX_POD_SLEEP_MS)));
  return 0;
}

/** Longest simulated time one BusyBox `sleep` lets pass (the host shell's cap, 1 h). */
export const MAX_POD_SLEEP_MS = 3_600_000;

/** BusyBox ls -C on a terminal: column-major, columns two wider than the longest name, 80 wide. */
export function columns(names: string[], width = 80): string {
  const colWidth = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const name = names[c * rows + r];
      if (name === undefined) continue;
      const last = (c + 1) * rows + r >= names.length;
      line += last ? name : name.padEnd(colWidth, ' ');
    }
    out += `${line}\n`;
  }
  return out;
}

export function trueCmd(): number {
  return 0;
}

export function falseCmd(): number {
  return 1;
}
