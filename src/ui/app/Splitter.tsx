// A splitter between two panes (the WAI-ARIA window splitter pattern): drag it with the mouse or a
// finger, or focus it and use the arrow keys (Home / End: as far as it goes); a double click puts it
// back where it started (the window's default). Its value is the first pane's share (src/state/layout),
// which AppShell turns into the panes' flex-grow; the panes are this element's previous and next
// siblings. Moving it makes the layout the student's own (saved, kept when the window is resized).
import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import { clampSplit, SPLIT_MAX, SPLIT_MIN, SPLIT_STEP, type SplitId, splitRange } from '../../state/layout';
import { useStore } from '../../state/store';
import { currentLayout } from '../../state/view-slice';

export function Splitter({
  id,
  controls,
  label,
  hint,
}: {
  id: SplitId;
  /** The id of the first pane (the one whose share is the value). */
  controls: string;
  label: string;
  hint: string;
}) {
  const share = useStore((s) => currentLayout(s)[id]);
  const [range, setRange] = useState<readonly [number, number]>([SPLIT_MIN, SPLIT_MAX]);
  const drag = useRef<{ origin: number; total: number; offset: number } | null>(null);
  // the bar between the columns stands upright; the ones between stacked panels lie flat
  const across = id === 'col';
  const at = (e: { clientX: number; clientY: number }) => (across ? e.clientX : e.clientY);

  /** The panes' extent now (the window or the other splitters may have moved them). */
  const measure = (el: Element) => {
    const a = el.previousElementSibling?.getBoundingClientRect();
    const b = el.nextElementSibling?.getBoundingClientRect();
    if (!a || !b) return null;
    const total = across ? a.width + b.width : a.height + b.height;
    const r = splitRange(id, total);
    setRange((p) => (p[0] === r[0] && p[1] === r[1] ? p : r));
    return { total, origin: across ? a.left : a.top, end: across ? a.right : a.bottom, range: r };
  };
  const set = (v: number, total: number) => useStore.getState().setSplit(id, clampSplit(id, v, total));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const m = measure(e.currentTarget);
    if (!m) return;
    const key = e.key;
    let v: number;
    if (key === (across ? 'ArrowLeft' : 'ArrowUp')) v = share - SPLIT_STEP;
    else if (key === (across ? 'ArrowRight' : 'ArrowDown')) v = share + SPLIT_STEP;
    else if (key === 'Home') v = m.range[0];
    else if (key === 'End') v = m.range[1];
    else return;
    e.preventDefault();
    set(v, m.total);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const m = measure(e.currentTarget);
    if (!m) return;
    // no text selection while dragging; the pointer stays ours over Monaco, xterm and the graph
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { origin: m.origin, total: m.total, offset: at(e) - m.end };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) set((at(e) - d.offset - d.origin) / d.total, d.total);
  };
  const end = () => {
    drag.current = null;
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator (window splitter) has no element of its own; <hr> takes no focus or keys
    <div
      className={`splitter splitter-${across ? 'cols' : 'rows'}`}
      role="separator"
      tabIndex={0}
      aria-orientation={across ? 'vertical' : 'horizontal'}
      aria-controls={controls}
      aria-label={label}
      aria-valuenow={Math.round(share * 100)}
      aria-valuemin={Math.round(range[0] * 100)}
      aria-valuemax={Math.round(range[1] * 100)}
      title={hint}
      data-testid={`splitter-${id}`}
      onFocus={(e) => measure(e.currentTarget)}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onDoubleClick={(e) => {
        measure(e.currentTarget);
        useStore.getState().resetSplit(id);
      }}
    />
  );
}
