// Replays a scenario's operations against a fresh core: the same seed and the same operations at the
// same simulated times give the same cluster (names, IPs, load-balancing picks).
import type { Core } from './core-types';
import type { Scenario } from './scenario';

export function replayInto(core: Core, sc: Scenario): void {
  const start = core.cluster.now();
  const at = (t: number) => {
    const due = start + t;
    const now = core.cluster.now();
    if (due > now) core.cluster.advance(due - now);
  };
  for (const op of sc.commands) {
    at(op.t);
    switch (op.op) {
      case 'write':
        core.files.write(op.path, op.text);
        break;
      case 'remove':
        core.files.remove(op.path);
        break;
      case 'run':
        if (op.detached) core.session.runDetached(op.line);
        else core.session.run(op.line);
        break;
      case 'interrupt':
        core.session.interrupt();
        break;
      case 'edit':
        core.session.finishEdit(op.text);
        break;
      case 'trace':
        core.cluster.net.trace(op.req);
        break;
      case 'browse':
        core.session.browse(op.url, {
          method: op.method,
          ...(op.body !== undefined ? { body: op.body } : {}),
        });
        break;
    }
  }
  at(sc.elapsedMs);
}
