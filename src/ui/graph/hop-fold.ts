// Whether the graph's "Last packet" list is unfolded. Beside an empty list the canvas is too narrow
// for the chapter's graph at a readable zoom (at 1280x720 the Services fall off its left edge), so the
// list starts folded and unfolds by itself with the first packet (a ping, curl, nslookup, a browser
// request). Once the student folds or unfolds it by hand, that choice wins (saved with the view
// settings, src/state/view-slice.ts).
// With "Large text" on a graph area too narrow for both (1280×720: the canvas beside the list was
// 460 px and 299 px tall, and §3.1's ping sleep-2 needs ~660 px at zoom 1), the first packet leaves
// it folded: the canvas gets the list's width and the packet's start and end both fit, the verdict
// is on the graph's callout, and the student can still unfold the list by hand.

/** The canvas a packet's ends need beside the unfolded list (screen px), else the list stays folded. */
export const CRAMPED_CANVAS_PX = 560;
/** The unfolded list's width (graph.css `.hop-list`), in rem. */
export const HOP_LIST_REM = 13;

/** Whether the graph area (canvas and list, `mainWidth` px) is too narrow to unfold the list by itself. */
export function crampedForList(largeText: boolean, mainWidth: number, remPx: number): boolean {
  return largeText && mainWidth > 0 && mainWidth - HOP_LIST_REM * remPx < CRAMPED_CANVAS_PX;
}

/**
 * `choice`: the student's last fold/unfold (null: never touched); `traced`: a packet has been shown;
 * `cramped`: crampedForList.
 */
export function hopListOpen(choice: boolean | null, traced: boolean, cramped = false): boolean {
  return choice ?? (traced && !cramped);
}

/** A packet shown once keeps the list unfolded: clearing the traffic does not fold it under the student. */
export function stillTraced(traced: boolean, hasTrace: boolean): boolean {
  return traced || hasTrace;
}
