// A scenario is everything needed to rebuild the playground deterministically: the seed, the profile,
// the files, and every operation that touched the cluster with the simulated time it happened at.
// Replaying the operations against a fresh cluster with the same seed gives the same objects, names,
// IPs and traces (the core is pure: time comes from the simulated clock, randomness from the seed).
import type { ProfileName, ProxyMode, TraceRequest } from '../sim/contract';

export const SCENARIO_VERSION = 1;

export type ScenarioOp =
  /** `t` is simulated ms since the cluster started. */
  | { t: number; op: 'write'; path: string; text: string }
  | { t: number; op: 'remove'; path: string }
  | { t: number; op: 'run'; line: string; detached?: boolean }
  | { t: number; op: 'interrupt' }
  /** The student left `kubectl edit`'s editor tab with this text in the temp file. */
  | { t: number; op: 'edit'; text: string }
  | { t: number; op: 'trace'; req: TraceRequest }
  /** A request from the browser pane: it moves the clock and draws load-balancing picks, so replay needs it. */
  | { t: number; op: 'browse'; url: string; method: 'GET' | 'POST'; body?: string };

export interface Scenario {
  version: number;
  seed: number;
  profile: ProfileName;
  proxyMode: ProxyMode;
  /** The files as the student left them (path → text). */
  files: Record<string, string>;
  /** Operations in order; replay them to rebuild the cluster. */
  commands: ScenarioOp[];
  /** Simulated ms elapsed when the scenario was saved (the clock is advanced to it after replay). */
  elapsedMs: number;
}

const PROFILES: readonly ProfileName[] = ['docker-desktop', 'kind', 'k3s'];
const MODES: readonly ProxyMode[] = ['iptables', 'ipvs'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Only the files of an untrusted scenario, when they are readable (used to keep work after a failed restore). */
export function readFiles(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v) || !isRecord(v.files)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, text] of Object.entries(v.files)) if (typeof text === 'string' && k !== '') out[k] = text;
  return Object.keys(out).length > 0 ? out : undefined;
}

function isOp(v: unknown): v is ScenarioOp {
  if (!isRecord(v) || typeof v.t !== 'number' || !Number.isFinite(v.t) || v.t < 0) return false;
  switch (v.op) {
    case 'write':
      return typeof v.path === 'string' && typeof v.text === 'string';
    case 'remove':
      return typeof v.path === 'string';
    case 'run':
      return typeof v.line === 'string' && (v.detached === undefined || typeof v.detached === 'boolean');
    case 'interrupt':
      return true;
    case 'edit':
      return typeof v.text === 'string';
    case 'trace':
      return isRecord(v.req) && typeof v.req.destination === 'string';
    case 'browse':
      return (
        typeof v.url === 'string' &&
        (v.method === 'GET' || v.method === 'POST') &&
        (v.body === undefined || typeof v.body === 'string')
      );
    default:
      return false;
  }
}

/** Checks an untrusted value (localStorage, a share link). Returns a reason when it cannot be used. */
export function validateScenario(
  v: unknown,
): { ok: true; scenario: Scenario } | { ok: false; reason: 'version' | 'corrupt' } {
  if (!isRecord(v)) return { ok: false, reason: 'corrupt' };
  if (v.version !== SCENARIO_VERSION)
    return { ok: false, reason: typeof v.version === 'number' ? 'version' : 'corrupt' };
  const { seed, profile, proxyMode, commands, elapsedMs } = v;
  const files = readFiles(v) ?? {};
  if (typeof seed !== 'number' || !Number.isInteger(seed)) return { ok: false, reason: 'corrupt' };
  if (!PROFILES.includes(profile as ProfileName) || !MODES.includes(proxyMode as ProxyMode))
    return { ok: false, reason: 'corrupt' };
  if (!Array.isArray(commands) || !commands.every(isOp)) return { ok: false, reason: 'corrupt' };
  if (typeof elapsedMs !== 'number' || !Number.isFinite(elapsedMs) || elapsedMs < 0)
    return { ok: false, reason: 'corrupt' };
  return {
    ok: true,
    scenario: {
      version: SCENARIO_VERSION,
      seed,
      profile: profile as ProfileName,
      proxyMode: proxyMode as ProxyMode,
      files,
      commands,
      elapsedMs,
    },
  };
}
