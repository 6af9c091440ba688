// The accessible account of the packet being shown: a polite live region listing its hops (kind,
// label, matched rule) and, once complete, the verdict and why. Screen readers and e2e read this.
// The region and its empty state are drawn with the graph; the hops (HopSteps) come with the traffic
// chunk, which is loaded before any trace can be shown, and so do the header's buttons (HopControls).
// It can be folded to a narrow strip, giving its width back to the graph (a teacher projecting the
// graph; a small screen). It starts folded and unfolds with the first packet, until the student folds
// or unfolds it by hand (./hop-fold).
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Trace } from '../../sim/contract';
import { useStore } from '../../state/store';
import { useAfterFirstPaint } from '../app/idle';
import { useT } from '../i18n';
import { crampedForList, hopListOpen, stillTraced } from './hop-fold';
import type { TrafficPlan } from './trace-steps';

const HopSteps = lazy(() => import('./TrafficController').then((m) => ({ default: m.HopSteps })));
const HopControls = lazy(() => import('./TrafficController').then((m) => ({ default: m.HopControls })));

export function HopList({
  trace,
  plan,
  revealed,
  onClear,
}: {
  trace: Trace | null;
  plan: TrafficPlan | null;
  revealed: number;
  onClear(): void;
}) {
  const t = useT();
  const choice = useStore((s) => s.hopListOpen);
  const setChoice = useStore((s) => s.setHopListOpen);
  const [traced, setTraced] = useState(false);
  // adjusted while rendering (not in an effect): the list unfolds in the same commit as the packet, so
  // the camera frames the trace once, beside the list
  const tracedNow = stillTraced(traced, trace !== null);
  if (tracedNow !== traced) setTraced(tracedNow);
  // the graph area's width (the list's parent), for crampedForList
  const largeText = useStore((s) => s.largeText);
  const ref = useRef<HTMLElement>(null);
  const [cramped, setCramped] = useState(false);
  useEffect(() => {
    const main = ref.current?.parentElement;
    if (!main) return;
    const measure = () => {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setCramped(crampedForList(largeText, main.clientWidth, rem));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(main);
    return () => ro.disconnect();
  }, [largeText]);
  const open = hopListOpen(choice, tracedNow, cramped);
  const autoFolded = !open && choice === null && tracedNow;
  const painted = useAfterFirstPaint();
  return (
    <section
      ref={ref}
      className={`hop-list${open ? '' : ' is-folded'}`}
      aria-labelledby="hop-list-title"
      data-testid="hop-list"
      // a scrollable region must be reachable by keyboard (folded, it has nothing to scroll)
      tabIndex={open ? 0 : -1}
    >
      <div className="hop-head">
        <h3 id="hop-list-title">{t('graphHopList')}</h3>
        {painted && (
          <Suspense fallback={null}>
            <HopControls open={open} onFold={() => setChoice(!open)} onClear={onClear} />
          </Suspense>
        )}
      </div>
      <div
        id="hop-list-body"
        role="log"
        aria-live="polite"
        aria-atomic="false"
        // folded by the graph's narrowness (not by hand), the hops are still read out: the list is a
        // screen reader's account of the packet, and Large text users may use one
        hidden={!open && !autoFolded}
        className={autoFolded ? 'visually-hidden' : undefined}
      >
        {!trace || !plan ? (
          <>
            <p className="hop-empty">{t('graphNoTraffic')}</p>
            <p className="hop-hint">{t('graphSelectPodHint')}</p>
          </>
        ) : (
          <Suspense fallback={null}>
            <HopSteps trace={trace} plan={plan} revealed={revealed} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
