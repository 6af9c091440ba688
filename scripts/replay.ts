// npm run replay -- [--seed N] [--profile docker-desktop|kind|k3s] [--proxy-mode iptables|ipvs]
//                   [--mount HOSTDIR:VIRTDIR] [--think-ms N] FILE|-
// Plays a file of command lines against a fresh simulated cluster and prints the transcript
// (`$ <line>` then what the terminal shows). The logic lives in src/kubectl/replay.ts; this
// script only reads files and writes stdout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { replay } from '../src/kubectl/replay';
import type { ProfileName, ProxyMode } from '../src/sim/contract';

function usage(msg: string): never {
  process.stderr.write(
    `${msg}\nusage: npm run replay -- [--seed N] [--profile docker-desktop|kind|k3s] [--proxy-mode iptables|ipvs] [--mount HOSTDIR:VIRTDIR] [--think-ms N] FILE|-\n`,
  );
  process.exit(2);
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

const args = process.argv.slice(2);
let seed = 1;
let profile: ProfileName = 'docker-desktop';
let proxyMode: ProxyMode = 'iptables';
let thinkMs = 2000;
const mounts: { dir: string; files: Record<string, string> }[] = [];
let file: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  const next = () => args[++i] ?? usage(`missing value for ${a}`);
  if (a === '--seed') seed = Number(next());
  else if (a === '--profile') profile = next() as ProfileName;
  else if (a === '--proxy-mode') proxyMode = next() as ProxyMode;
  else if (a === '--think-ms') thinkMs = Number(next());
  else if (a === '--mount') {
    const spec = next();
    const colon = spec.lastIndexOf(':');
    if (colon <= 0) usage(`--mount needs HOSTDIR:VIRTDIR, got ${spec}`);
    mounts.push({ dir: spec.slice(colon + 1), files: readTree(spec.slice(0, colon)) });
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else file = a;
}
if (!file) usage('missing FILE');
if (!['docker-desktop', 'kind', 'k3s'].includes(profile)) usage(`unknown profile ${profile}`);
if (!['iptables', 'ipvs'].includes(proxyMode)) usage(`unknown proxy mode ${proxyMode}`);
if (!Number.isFinite(seed) || !Number.isFinite(thinkMs)) usage('--seed and --think-ms take numbers');

const script = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
const r = replay(script, { seed, profile, proxyMode, thinkMs, mounts });
process.stdout.write(r.transcript);
process.exit(0);
