// kubectl apply of a Deployment whose strategy changes: spec.strategy is patchStrategy retainKeys,
// so the keys the file no longer gives are dropped (the defaulted rollingUpdate on a switch to
// Recreate) instead of failing validation.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';

const deployment = (strategy?: unknown) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    ...(strategy ? { strategy } : {}),
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
  },
});
const strategyOf = (c: ReturnType<typeof createCluster>) =>
  (c.get('Deployment', 'default', 'web') as K8sObject).spec?.strategy;

describe('apply: Deployment strategy (retainKeys)', () => {
  it('RollingUpdate (defaulted) → Recreate → RollingUpdate', () => {
    const c = createCluster({ seed: 1 });
    expect(c.apply([deployment()])[0]?.result.ok).toBe(true);
    expect(strategyOf(c)).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
    const [toRecreate] = c.apply([deployment({ type: 'Recreate' })]);
    expect(toRecreate?.result.ok && toRecreate.result.op).toBe('configured');
    expect(strategyOf(c)).toEqual({ type: 'Recreate' });
    const [back] = c.apply([deployment({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } })]);
    expect(back?.result.ok).toBe(true);
    expect(strategyOf(c)).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' },
    });
  });

  it('a strategy dropped from the file is removed, and the server defaults it again', () => {
    const c = createCluster({ seed: 1 });
    c.apply([deployment({ type: 'Recreate' })]);
    const [again] = c.apply([deployment()]);
    expect(again?.result.ok).toBe(true);
    // the previous file named the strategy and this one does not: apply removes it, and the
    // server defaults it again (RollingUpdate with 25%/25%).
    expect(strategyOf(c)).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
  });
});
