// What a CoreDNS container prints when it starts (its `kubectl logs` on a healthy start), for the
// builds our profiles run: registry.k8s.io/coredns/coredns (kubeadm: Docker Desktop, kind) and
// k3s's rancher/mirrored-coredns-coredns. In the order the process writes them:
// 1. automaxprocs (coremain/run.go Run: maxprocs.Set(maxprocs.Logger(log.Printf)); go.uber.org/
//    automaxprocs v1.6.0 maxprocs.go Set): no CPU limit means no cgroup quota, so
//    `maxprocs: Leaving GOMAXPROCS=<NumCPU>: CPU quota undefined`;
// 2. what the Caddyfile parser logs while caddy.Start parses the Corefile (an import glob that
//    matches nothing: k3s's /etc/coredns/custom/*.override and *.server);
// 3. each server's zones, sorted (core/dnsserver/server.go OnStartupComplete → onstartup.go
//    startUpZones: `.:53`);
// 4. the reload plugin's InstanceStartupEvent hook, when `reload` is in the Corefile: it parses the
//    Corefile again (the parser's warnings again) and logs
//    `[INFO] plugin/reload: Running configuration SHA512 = <hex>` of json.Marshal of the parsed
//    server blocks (plugin/reload/reload.go; ../caddyfile);
// 5. showVersion (coremain/run.go): `CoreDNS-<CoreVersion>` and `linux/amd64, <go>, <GitCommit>`.
// The kubernetes plugin's `waiting for Kubernetes API` lines appear only when the API has not
// synced within 500 ms (plugin/kubernetes/kubernetes.go InitKubeCache), so not on a healthy start.
import type { Container, Pod } from '../../api/types';
import { quantityNano } from '../../apiserver/qos';
import type { Cluster } from '../../contract';
import { sha512Hex } from '../../net/sha512';
import {
  type CaddyFs,
  CaddyfileError,
  parseCaddyfile,
  type ServerBlock,
  serverBlocksJson,
} from '../caddyfile';
import { coreDnsBuild } from './coredns-builds';

/** Go's flag package: `-name value`, `-name=value`, `--name…`; booleans take no value. */
function flagValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] as string).replace(/^--?/, '');
    if (a === name) return args[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

const boolFlag = (args: readonly string[], name: string): boolean =>
  args.some((a) => {
    const f = a.replace(/^--?/, '');
    return f === name || f === `${name}=true` || f === `${name}=1`;
  });

interface Mount {
  name: string;
  mountPath: string;
}
interface CmVolume {
  name: string;
  configMap?: { name: string; optional?: boolean; items?: { key: string; path: string }[] };
}

/** The files the container's ConfigMap volumes put under their mount paths (path → text). */
function configMapFiles(cluster: Cluster, pod: Pod, container: Container): Map<string, string> {
  const files = new Map<string, string>();
  const ns = pod.metadata.namespace ?? 'default';
  const mounts = ((container as unknown as { volumeMounts?: Mount[] }).volumeMounts ?? []).slice();
  const volumes = (pod.spec as unknown as { volumes?: CmVolume[] }).volumes ?? [];
  for (const m of mounts) {
    const cmRef = volumes.find((v) => v.name === m.name)?.configMap;
    if (!cmRef) continue;
    const cm = cluster.get('ConfigMap', ns, cmRef.name) as { data?: Record<string, string> } | undefined;
    const data = cm?.data ?? {};
    const items = cmRef.items ?? Object.keys(data).map((key) => ({ key, path: key }));
    const base = m.mountPath.replace(/\/+$/, '');
    for (const it of items) {
      const text = data[it.key];
      if (text !== undefined) files.set(`${base}/${it.path}`, text);
    }
    // The mount is a directory even when empty (an optional ConfigMap that does not exist).
    files.set(`${base}/`, '');
  }
  return files;
}

function fsOf(files: Map<string, string>, env: Record<string, string>): CaddyFs {
  return {
    env,
    readFile: (p) => (files.has(`${p}/`) ? undefined : files.get(p)),
    readDir: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of files.keys()) {
        if (!p.startsWith(prefix) || p === prefix) continue;
        const rest = p.slice(prefix.length);
        names.add(rest.split('/')[0] as string);
      }
      return [...names];
    },
  };
}

/** GOMAXPROCS as automaxprocs leaves or sets it, as the line it logs. */
function maxprocsLine(container: Container, nodeCpus: number, env: Record<string, string>): string {
  const fromEnv = env.GOMAXPROCS;
  if (fromEnv !== undefined)
    return `maxprocs: Honoring GOMAXPROCS=${JSON.stringify(fromEnv)} as set in environment`;
  const limit = (container as unknown as { resources?: { limits?: Record<string, string> } }).resources
    ?.limits?.cpu;
  const nano = limit === undefined ? undefined : quantityNano(limit);
  if (nano === undefined || nano <= 0n)
    return `maxprocs: Leaving GOMAXPROCS=${nodeCpus}: CPU quota undefined`;
  // The kubelet's cpu.max: quota = milliCPU × 100000 / 1000 µs per 100000 µs, at least 1000 µs
  // (pkg/kubelet/cm milliCPUToQuota); automaxprocs floors quota/period with a minimum of 1.
  const milli = (nano + 999_999n) / 1_000_000n;
  const quota = milli * 100n < 1000n ? 1000n : milli * 100n;
  const procs = Number(quota / 100_000n);
  return procs < 1
    ? 'maxprocs: Updating GOMAXPROCS=1: using minimum allowed GOMAXPROCS'
    : `maxprocs: Updating GOMAXPROCS=${procs}: determined from CPU quota`;
}

/** plugin.Host(zone).NormalizeExact for a server key's zone: lower case, fully qualified. */
function normalizeZone(zone: string): string {
  const z = zone.toLowerCase();
  return z.endsWith('.') ? z : `${z}.`;
}

/** checkZoneSyntax (onstartup.go): the root, reverse zones and RFC 1035 preferred names. */
function zoneSyntaxOk(zone: string): boolean {
  if (zone === '.' || zone.endsWith('.in-addr.arpa.') || zone.endsWith('.ip6.arpa.')) return true;
  return /^(([A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?)\.)+$/.test(zone);
}

/**
 * startUpZones for each listen address: zones sorted within a server. Servers on different ports
 * are listed in the order their keys first appear (CoreDNS ranges over a Go map there, so its own
 * order between ports is not fixed). Keys with a transport other than dns:// or a bind address are
 * beyond this model and left out.
 */
function listeningLines(blocks: ServerBlock[], defaultPort: string): string[] {
  const byPort = new Map<string, Set<string>>();
  for (const b of blocks) {
    for (const key of b.Keys) {
      const k = key.replace(/^dns:\/\//, '');
      if (k.includes('://')) continue;
      const m = /^(.*?)(?::(\d+))?$/.exec(k) as RegExpExecArray;
      const zone = normalizeZone(m[1] || '.');
      const port = m[2] ?? defaultPort;
      const set = byPort.get(port) ?? new Set<string>();
      set.add(zone);
      byPort.set(port, set);
    }
  }
  const out: string[] = [];
  for (const [port, zones] of byPort) {
    for (const zone of [...zones].sort()) {
      if (!zoneSyntaxOk(zone))
        out.push(`Warning: Domain ${JSON.stringify(zone)} does not follow RFC1035 preferred syntax`);
      out.push(`${zone}:${port}`);
    }
  }
  return out;
}

/**
 * The startup lines of a CoreDNS container, or [] when they cannot be told: an image tag whose
 * build is not established here, no `-conf` file in a ConfigMap volume, or a Corefile that does
 * not parse (real CoreDNS would exit with the parse error; that crash is not modelled).
 */
export function coreDnsStartupLines(cluster: Cluster, pod: Pod, container: Container, tag: string): string[] {
  const build = coreDnsBuild(tag);
  if (!build) return [];
  const args = [...(container.command ?? []), ...(container.args ?? [])];
  const conf = flagValue(args, 'conf');
  if (conf === undefined) return [];
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) env[e.name] = e.value ?? '';
  const files = configMapFiles(cluster, pod, container);
  const corefile = files.get(conf);
  if (corefile === undefined) return [];
  const fs = fsOf(files, env);
  const node = cluster.get('Node', undefined, pod.spec.nodeName ?? '') as
    | { status?: { capacity?: Record<string, string> } }
    | undefined;
  const cpuNano = quantityNano(node?.status?.capacity?.cpu ?? '1') ?? 1_000_000_000n;
  const nodeCpus = Math.max(1, Number(cpuNano / 1_000_000_000n));
  const quiet = boolFlag(args, 'quiet');
  const port = flagValue(args, 'dns.port') ?? flagValue(args, 'p') ?? '53';
  const lines = [maxprocsLine(container, nodeCpus, env)];
  try {
    const blocks = parseCaddyfile(conf, corefile, fs, (w) => lines.push(w));
    if (!quiet) lines.push(...listeningLines(blocks, port));
    if (blocks.some((b) => b.Tokens.has('reload'))) {
      const again = parseCaddyfile(conf, corefile, fs, (w) => lines.push(w));
      lines.push(
        `[INFO] plugin/reload: Running configuration SHA512 = ${sha512Hex(serverBlocksJson(again))}`,
      );
    }
  } catch (e) {
    if (e instanceof CaddyfileError) return [];
    throw e;
  }
  if (!quiet) lines.push(`CoreDNS-${build.version}`, `linux/amd64, ${build.go}, ${build.commit}`);
  return lines;
}

/** The reload plugin's hash of a Corefile read from `filename` with no imports to resolve. */
export function corefileSha512(corefile: string, filename = '/etc/coredns/Corefile'): string {
  const fs: CaddyFs = { env: {}, readFile: () => undefined, readDir: () => [] };
  return sha512Hex(serverBlocksJson(parseCaddyfile(filename, corefile, fs, () => {})));
}
