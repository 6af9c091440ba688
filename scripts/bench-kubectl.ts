// kubectl part of `npm run bench` (issue #3):
//   get_pods_ms             `kubectl get pods -o wide` over every Pod of the benchmark cluster (5,000)
//   get_pods_over_stringify that time over JSON.stringify of the same Pods (target ≤ 2)
//   replay_chapter_ms       the whole chapter-3 script (src/kubectl/golden/ch03.script) through replay()
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { replay } from '../src/kubectl/replay';
import { createTerminalSession, defaultFs } from '../src/kubectl/session';
import type { Cluster } from '../src/sim/contract';

const now = () => performance.now();

function best(times: number, fn: () => void): number {
  let b = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const t = now();
    fn();
    b = Math.min(b, now() - t);
  }
  return b;
}

export async function benchKubectl(cluster: Cluster): Promise<Record<string, number>> {
  const session = createTerminalSession({ cluster, fs: defaultFs(() => cluster.now()) });
  const pods = cluster.list('Pod', { namespace: 'default' });
  let rows = 0;
  const getMs = best(5, () => {
    const r = session.run('kubectl get pods -o wide');
    rows = r.output.reduce((n, c) => n + (c.text.match(/\n/g)?.length ?? 0), 0);
  });
  if (rows < pods.length) throw new Error(`get pods printed ${rows} lines for ${pods.length} pods`);
  const stringifyMs = best(5, () => JSON.stringify(pods));

  const script = readFileSync(resolve(process.cwd(), 'src/kubectl/golden/ch03.script'), 'utf8');
  replay(script, { seed: 7 }); // warm-up
  const replayMs = best(3, () => replay(script, { seed: 7 }));

  return {
    get_pods_ms: Math.round(getMs * 10) / 10,
    get_pods_over_stringify: Math.round((getMs / stringifyMs) * 100) / 100,
    replay_chapter_ms: Math.round(replayMs * 10) / 10,
  };
}
