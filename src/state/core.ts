// Builds the core the store drives. TEMPORARY: the simulated cluster (src/sim/cluster.ts) and the
// terminal session (src/kubectl) are being written in parallel; until they land this file wires a
// placeholder that keeps the UI usable. It is replaced by the real modules as soon as they exist.
import type { Cluster } from '../sim/contract';
import type { Core, CoreOptions, FileStore, TerminalSession } from './core-types';

const START = Date.UTC(2026, 0, 1);

function memoryFiles(initial: Record<string, string>): FileStore {
  const files = new Map(Object.entries(initial));
  return {
    list: () => [...files.keys()].sort(),
    read: (p) => files.get(p),
    write: (p, t) => void files.set(p, t),
    remove: (p) => void files.delete(p),
  };
}

function placeholderCluster(opts: CoreOptions): Cluster {
  let now = START;
  const fail = {
    ok: false as const,
    error: { code: 400, reason: 'BadRequest' as const, message: 'not ready' },
  };
  return {
    seed: opts.seed,
    profile: opts.profile,
    proxyMode: opts.proxyMode,
    net: {
      dnsRecords: () => [],
      query: (question, qtype) => ({ question, qtype, rcode: 'NXDOMAIN', records: [], authoritative: true }),
      resolvConf: () => '',
      resolve: () => ({ queries: [] }),
      trace: (req) => ({
        id: 't',
        source: req.source,
        destination: req.destination,
        protocol: req.protocol,
        hops: [],
        verdict: 'timeout',
        reason: '',
        startedAt: now,
      }),
      iptablesSave: () => '',
    },
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    runUntilIdle: () => {},
    apply: () => [],
    create: () => fail,
    update: () => fail,
    delete: () => fail,
    get: () => undefined,
    list: () => [],
    subscribe: () => () => {},
  };
}

function placeholderSession(files: FileStore, cluster: Cluster): TerminalSession {
  return {
    run(line) {
      const at = cluster.now();
      const cmd = line.trim().split(/\s+/)[0] ?? '';
      if (cmd === '') return { output: [], exitCode: 0, traces: [] };
      if (cmd === 'ls')
        return {
          output: [{ stream: 'stdout', text: `${files.list().join('\n')}\n`, at }],
          exitCode: 0,
          traces: [],
        };
      return {
        output: [{ stream: 'stderr', text: `${cmd}: command not found\n`, at }],
        exitCode: 127,
        traces: [],
      };
    },
    interrupt: () => [],
    complete: (line, cursor) => ({ line, cursor, candidates: [] }),
    prompt: () => 'student@playground:~/ch03$ ',
    busy: () => false,
    onOutput: () => () => {},
  };
}

const PLACEHOLDER_FILES: Record<string, string> = {
  'sleep/sleep1.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sleep-1\nspec:\n  selector:\n    matchLabels:\n      app: sleep-1\n  template:\n    metadata:\n      labels:\n        app: sleep-1\n    spec:\n      containers:\n        - name: sleep\n          image: kiamol/ch03-sleep\n',
};

export function createCore(opts: CoreOptions): Core {
  const cluster = placeholderCluster(opts);
  const files = memoryFiles(opts.files ?? PLACEHOLDER_FILES);
  return { cluster, files, session: placeholderSession(files, cluster) };
}
