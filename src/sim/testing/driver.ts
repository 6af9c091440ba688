// A fluent test driver for the simulated cluster (STYLE.md habit 7):
//   drive({ seed: 1 }).apply(yaml).advance(5000).pods()
// Each step returns the driver; `cluster` exposes the facade for assertions. A kubectl step is
// added by the kubectl layer (it must not be imported from here: sim/ does not depend on kubectl).
import { KIND_NAMES } from '../api/kinds';
import type { K8sObject, KindName } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import type { ApplyOutcome, ClusterOptions, DeleteOptions } from '../contract';
import { parseManifests } from '../yaml';

export class Driver {
  readonly cluster: SimCluster;
  /** Outcomes of the most recent `apply`. */
  lastApply: ApplyOutcome[] = [];

  constructor(opts: ClusterOptions) {
    this.cluster = createCluster(opts);
  }

  /** Apply YAML text (one or more documents); throws on a YAML syntax error. */
  apply(yaml: string, opts: { namespace?: string; source?: string } = {}): this {
    const parsed = parseManifests(yaml, opts.source ?? 'test.yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    this.lastApply = this.cluster.apply(parsed.docs, opts);
    return this;
  }

  /** Apply and fail loudly if any document was refused. */
  applyOk(yaml: string, opts: { namespace?: string; source?: string } = {}): this {
    this.apply(yaml, opts);
    const bad = this.lastApply.filter((o) => !o.result.ok);
    if (bad.length > 0) {
      throw new Error(bad.map((o) => (o.result.ok ? '' : o.result.error.message)).join('\n'));
    }
    return this;
  }

  advance(ms: number): this {
    this.cluster.advance(ms);
    return this;
  }

  delete(kind: KindName, name: string, namespace = 'default', opts?: DeleteOptions): this {
    this.cluster.delete(kind, namespace, name, opts);
    return this;
  }

  /** Run `fn` with the cluster (for custom steps) and keep chaining. */
  tap(fn: (c: SimCluster) => void): this {
    fn(this.cluster);
    return this;
  }

  pods(opts: { namespace?: string; labelSelector?: string } = { namespace: 'default' }): K8sObject[] {
    return this.cluster.list('Pod', opts);
  }

  get(kind: KindName, name: string, namespace = 'default'): K8sObject | undefined {
    return this.cluster.get(kind, namespace, name);
  }

  /** Every object in the store (every kind the simulator knows) as JSON, for determinism comparisons. */
  snapshot(): string {
    return JSON.stringify(KIND_NAMES.map((k) => this.cluster.list(k)));
  }
}

export function drive(opts: ClusterOptions = { seed: 1 }): Driver {
  return new Driver(opts);
}
