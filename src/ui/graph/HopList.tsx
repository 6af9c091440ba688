// The accessible account of the packet being shown: a polite live region listing its hops (kind,
// label, matched rule) and, once complete, the verdict and why. Screen readers and e2e read this.
// The region and its empty state are drawn with the graph; the hops (HopSteps) come with the traffic
// chunk, which is loaded before any trace can be shown.
import { lazy, Suspense } from 'react';
import type { Trace } from '../../sim/contract';
import { useT } from '../i18n';
import type { TrafficPlan } from './trace-steps';

const HopSteps = lazy(() => import('./TrafficController').then((m) => ({ default: m.HopSteps })));

export function HopList({
  trace,
  plan,
  revealed,
}: {
  trace: Trace | null;
  plan: TrafficPlan | null;
  revealed: number;
}) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="hop-list" aria-labelledby="hop-list-title" data-testid="hop-list" tabIndex={0}>
      <h3 id="hop-list-title">{t('graphHopList')}</h3>
      <div role="log" aria-live="polite" aria-atomic="false">
        {!trace || !plan ? (
          <p className="hop-empty">{t('graphNoTraffic')}</p>
        ) : (
          <Suspense fallback={null}>
            <HopSteps trace={trace} plan={plan} revealed={revealed} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
