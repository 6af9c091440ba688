// Whether the graph's "Last packet" list is unfolded. Beside an empty list the canvas is too narrow
// for the chapter's graph at a readable zoom (at 1280x720 the Services fall off its left edge), so the
// list starts folded and unfolds by itself with the first packet (a ping, curl, nslookup, a browser
// request). Once the student folds or unfolds it by hand, that choice wins (saved with the view
// settings, src/state/view-slice.ts).

/** `choice`: the student's last fold/unfold (null: never touched); `traced`: a packet has been shown. */
export function hopListOpen(choice: boolean | null, traced: boolean): boolean {
  return choice ?? traced;
}

/** A packet shown once keeps the list unfolded: clearing the traffic does not fold it under the student. */
export function stillTraced(traced: boolean, hasTrace: boolean): boolean {
  return traced || hasTrace;
}
