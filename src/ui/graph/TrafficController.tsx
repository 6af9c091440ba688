// The traffic half of the graph, in its own chunk: GraphPanel mounts it after the graph's first paint
// (no trace can arrive earlier: kubectl and the session load after that paint too, and traces queued
// before it mounts are taken from the store's queue on mount). It plays the traces (use-traffic), draws
// them (TrafficLayer), handles the step key, and hands the graph what the rest of the panel shows
// (hop list, toolbar step buttons, external hosts) through `onChange`, only when one of those changes:
// the packets themselves re-render this component, not the graph. The chunk also carries what of the
// panel can wait for that first paint: the camera, the graph toolbar, the hop list's buttons.
import { memo, useEffect, useMemo } from 'react';
import { useT } from '../i18n';
import { TrafficLayer, type XY } from './TrafficLayer';

export { Camera } from './Camera';
export { GraphToolbar } from './GraphToolbar';
export { HopControls } from './HopControls';
export { HopSteps } from './HopSteps';

import type { TrafficState } from './traffic-state';
import { useTraffic } from './use-traffic';

function TrafficController({
  has,
  centres,
  onChange,
}: {
  has: (id: string) => boolean;
  centres: ReadonlyMap<string, XY>;
  onChange: (state: TrafficState) => void;
}) {
  const t = useT();
  const traffic = useTraffic(has, t);
  const { shown, revealed, canStep, next, clear } = traffic;
  const externalsKey = traffic.externals.join('\n');
  const state = useMemo<TrafficState>(
    () => ({
      shown,
      revealed,
      canStep,
      next,
      clear,
      externals: externalsKey === '' ? [] : externalsKey.split('\n'),
    }),
    [shown, revealed, canStep, next, clear, externalsKey],
  );
  useEffect(() => onChange(state), [onChange, state]);

  // N (or →) advances one hop in step mode, unless typing in a field, the editor or the terminal
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!canStep || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, select, [contenteditable="true"], .xterm, .monaco-editor')) return;
      if (e.key === 'n' || e.key === 'N' || e.key === 'ArrowRight') {
        e.preventDefault();
        next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canStep, next]);

  return <TrafficLayer traces={traffic.traces} centres={centres} />;
}

export default memo(TrafficController);
