// `diff -u` of two texts as GNU diffutils prints it (kubectl diff runs `diff -u -N LIVE MERGED`
// over two directories of YAML files). Written from GNU diffutils' documented algorithm (src/
// analyze.c, src/io.c, src/context.c and gnulib diffseq.h), so the hunks line up as the real
// command's do, not merely as some minimal diff would:
// - the identical head and tail are set aside but for HORIZON (= the 3 context) lines
//   (io.c find_identical_ends);
// - lines with no match in the other file are discarded before the search, and lines matching
//   many are discarded when they sit inside a run of discards (discard_confusing_lines);
// - Myers' O(ND) middle-snake search, forward and backward in turn (diffseq.h diag/compareseq;
//   files this size never reach its too-expensive cut-off);
// - runs of changes slide to merge with their neighbours, then as far down as possible, then back
//   to a corresponding run in the other file (shift_boundaries);
// - hunks with 3 context lines, merged when at most 6 unchanged lines separate two changes
//   (context.c find_hunk), with `@@ -a,b +c,d @@` ranges printed as print_unidiff_number_range does.

const CONTEXT = 3;
const HORIZON = CONTEXT;

interface Change {
  /** First changed line in each file (0-based, whole file). */
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

/** The edit script: which lines of `a` are deleted and which of `b` are inserted. */
export function editScript(a: readonly string[], b: readonly string[]): Change[] {
  // find_identical_ends: the common head and tail, less HORIZON lines kept on each side.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const skipHead = Math.max(0, head - HORIZON);
  const skipTail = Math.max(0, tail - HORIZON);
  const xs = a.slice(skipHead, a.length - skipTail);
  const ys = b.slice(skipHead, b.length - skipTail);

  // Equivalence classes over both files (class 0 is never used, as in io.c).
  const classes = new Map<string, number>();
  const classOf = (s: string) => {
    let c = classes.get(s);
    if (c === undefined) {
      c = classes.size + 1;
      classes.set(s, c);
    }
    return c;
  };
  const eq: [number[], number[]] = [xs.map(classOf), ys.map(classOf)];
  // changed[f][i + 1] for line i; a 0 sentinel at each end.
  const changed: [Int8Array, Int8Array] = [new Int8Array(xs.length + 2), new Int8Array(ys.length + 2)];
  const { undiscarded, realIndex } = discardConfusingLines(eq, changed, classes.size + 1);
  compareseq(undiscarded, realIndex, changed);
  shiftBoundaries(eq, changed);
  return buildScript(changed, xs.length, ys.length, skipHead);
}

/** discard_confusing_lines: lines no other line matches are changes; they skip the search. */
function discardConfusingLines(
  eq: [number[], number[]],
  changed: [Int8Array, Int8Array],
  nClasses: number,
): { undiscarded: [number[], number[]]; realIndex: [number[], number[]] } {
  const counts: [Int32Array, Int32Array] = [new Int32Array(nClasses), new Int32Array(nClasses)];
  for (let f = 0; f < 2; f++) {
    const cf = counts[f] as Int32Array;
    for (const c of eq[f] as number[]) cf[c] = (cf[c] as number) + 1;
  }
  const discards: [Int8Array, Int8Array] = [new Int8Array(eq[0].length), new Int8Array(eq[1].length)];
  for (let f = 0; f < 2; f++) {
    const equivs = eq[f] as number[];
    const other = counts[1 - f] as Int32Array;
    const d = discards[f] as Int8Array;
    const end = equivs.length;
    // MANY: 5 times the approximate square root of the number of lines.
    let many = 5;
    for (let tem = Math.floor(end / 64) >> 2; tem > 0; tem >>= 2) many *= 2;
    for (let i = 0; i < end; i++) {
      const nmatch = other[equivs[i] as number] as number;
      if (nmatch === 0) d[i] = 1;
      else if (nmatch > many) d[i] = 2;
    }
  }
  // Provisional discards stand only inside a run of discards with definite ones at both ends.
  for (let f = 0; f < 2; f++) {
    const d = discards[f] as Int8Array;
    const end = d.length;
    for (let i = 0; i < end; i++) {
      if (d[i] === 2) d[i] = 0;
      else if (d[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (d[j] === 0) break;
          if (d[j] === 2) provisional++;
        }
        while (j > i && d[j - 1] === 2) {
          d[--j] = 0;
          provisional--;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (d[--j] === 2) d[j] = 0;
        } else {
          let minimum = 1;
          for (let t = length >> 4; t > 0; t >>= 2) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (d[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) d[i + j] = 0;
          }
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && d[i + j] === 1) break;
            if (d[i + j] === 2) {
              consec = 0;
              d[i + j] = 0;
            } else if (d[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && d[i - j] === 1) break;
            if (d[i - j] === 2) {
              consec = 0;
              d[i - j] = 0;
            } else if (d[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const undiscarded: [number[], number[]] = [[], []];
  const realIndex: [number[], number[]] = [[], []];
  for (let f = 0; f < 2; f++) {
    const d = discards[f] as Int8Array;
    const equivs = eq[f] as number[];
    for (let i = 0; i < equivs.length; i++) {
      if (d[i] === 0) {
        (undiscarded[f] as number[]).push(equivs[i] as number);
        (realIndex[f] as number[]).push(i);
      } else (changed[f] as Int8Array)[i + 1] = 1;
    }
  }
  return { undiscarded, realIndex };
}

/** diffseq.h compareseq + diag over the undiscarded lines, noting changes on the real lines. */
function compareseq(
  [xv, yv]: [number[], number[]],
  [xr, yr]: [number[], number[]],
  [c0, c1]: [Int8Array, Int8Array],
): void {
  const n = xv.length;
  const m = yv.length;
  // fd/bd indexed by diagonal d in [-(m + 1), n + 1].
  const off = m + 1;
  const fd = new Float64Array(n + m + 3);
  const bd = new Float64Array(n + m + 3);
  const stack: [number, number, number, number][] = [[0, n, 0, m]];
  // Depth-first, low half before high half (the order only matters for the flags, which commute).
  while (stack.length) {
    let [xoff, xlim, yoff, ylim] = stack.pop() as [number, number, number, number];
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) {
      while (yoff < ylim) c1[(yr[yoff++] as number) + 1] = 1;
    } else if (yoff === ylim) {
      while (xoff < xlim) c0[(xr[xoff++] as number) + 1] = 1;
    } else {
      const [xmid, ymid] = diag(xv, yv, xoff, xlim, yoff, ylim, fd, bd, off);
      stack.push([xmid, xlim, ymid, ylim], [xoff, xmid, yoff, ymid]);
    }
  }
}

/** The midpoint of the shortest edit script (diffseq.h diag, without the -H heuristic). */
function diag(
  xv: number[],
  yv: number[],
  xoff: number,
  xlim: number,
  yoff: number,
  ylim: number,
  fd: Float64Array,
  bd: Float64Array,
  off: number,
): [number, number] {
  const dmin = xoff - ylim;
  const dmax = xlim - yoff;
  const fmid = xoff - yoff;
  const bmid = xlim - ylim;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  const odd = ((fmid - bmid) & 1) !== 0;
  fd[fmid + off] = xoff;
  bd[bmid + off] = xlim;
  for (;;) {
    if (fmin > dmin) fd[--fmin - 1 + off] = -1;
    else ++fmin;
    if (fmax < dmax) fd[++fmax + 1 + off] = -1;
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      const tlo = fd[d - 1 + off] as number;
      const thi = fd[d + 1 + off] as number;
      let x = tlo < thi ? thi : tlo + 1;
      let y = x - d;
      while (x < xlim && y < ylim && xv[x] === yv[y]) {
        x++;
        y++;
      }
      fd[d + off] = x;
      if (odd && bmin <= d && d <= bmax && (bd[d + off] as number) <= x) return [x, y];
    }
    if (bmin > dmin) bd[--bmin - 1 + off] = Number.MAX_SAFE_INTEGER;
    else ++bmin;
    if (bmax < dmax) bd[++bmax + 1 + off] = Number.MAX_SAFE_INTEGER;
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      const tlo = bd[d - 1 + off] as number;
      const thi = bd[d + 1 + off] as number;
      let x = tlo < thi ? tlo : thi - 1;
      let y = x - d;
      while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
        x--;
        y--;
      }
      bd[d + off] = x;
      if (!odd && fmin <= d && d <= fmax && x <= (fd[d + off] as number)) return [x, y];
    }
  }
}

/** shift_boundaries: slide each run of changes to merge with others, then as far down as it goes. */
function shiftBoundaries(eq: [number[], number[]], changed: [Int8Array, Int8Array]): void {
  for (let f = 0; f < 2; f++) {
    const c = changed[f] as Int8Array;
    const o = changed[1 - f] as Int8Array;
    const equivs = eq[f] as number[];
    // Line k's flag is at index k + 1 (a 0 sentinel before line 0 and after the last line).
    const ch = (k: number) => c[k + 1] as number;
    const oc = (k: number) => o[k + 1] as number;
    let i = 0;
    let j = 0;
    const iEnd = equivs.length;
    for (;;) {
      while (i < iEnd && !ch(i)) {
        while (oc(j++)) {}
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (ch(++i)) {}
      while (oc(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && equivs[start - 1] === equivs[i - 1]) {
          c[--start + 1] = 1;
          c[--i + 1] = 0;
          while (ch(start - 1)) start--;
          while (oc(--j)) {}
        }
        corresponding = oc(j - 1) ? i : iEnd;
        while (i !== iEnd && equivs[start] === equivs[i]) {
          c[start++ + 1] = 0;
          c[i++ + 1] = 1;
          while (ch(i)) i++;
          while (oc(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        c[--start + 1] = 1;
        c[--i + 1] = 0;
        while (oc(--j)) {}
      }
    }
  }
}

/** build_script: the changes in file order, in whole-file line numbers. */
function buildScript(changed: [Int8Array, Int8Array], n0: number, n1: number, base: number): Change[] {
  const [c0, c1] = changed;
  const out: Change[] = [];
  let i0 = 0;
  let i1 = 0;
  while (i0 < n0 || i1 < n1) {
    if (c0[i0 + 1] || c1[i1 + 1]) {
      const line0 = i0;
      const line1 = i1;
      while (c0[i0 + 1]) i0++;
      while (c1[i1 + 1]) i1++;
      out.push({ line0: line0 + base, line1: line1 + base, deleted: i0 - line0, inserted: i1 - line1 });
    }
    i0++;
    i1++;
  }
  return out;
}

/** print_unidiff_number_range: `a,count`, `a` for one line, `b,0` (the line before) for none. */
function range(first: number, last: number): string {
  const a = first + 1;
  const b = last + 1;
  if (b <= a) return b < a ? `${b},0` : `${b}`;
  return `${a},${b - a + 1}`;
}

/** The hunks of `diff -u` (without the ---/+++ header); '' when the texts are equal. */
export function unifiedHunks(a: readonly string[], b: readonly string[]): string {
  const script = editScript(a, b);
  let out = '';
  let k = 0;
  while (k < script.length) {
    // find_hunk: changes closer than 2 * CONTEXT + 1 unchanged lines share a hunk.
    let end = k;
    while (end + 1 < script.length) {
      const cur = script[end] as Change;
      const next = script[end + 1] as Change;
      if (next.line0 - (cur.line0 + cur.deleted) >= 2 * CONTEXT + 1) break;
      end++;
    }
    const first = script[k] as Change;
    const last = script[end] as Change;
    const first0 = Math.max(first.line0 - CONTEXT, 0);
    const first1 = Math.max(first.line1 - CONTEXT, 0);
    let last0 = last.line0 + last.deleted - 1;
    let last1 = last.line1 + last.inserted - 1;
    last0 = last0 < a.length - CONTEXT ? last0 + CONTEXT : a.length - 1;
    last1 = last1 < b.length - CONTEXT ? last1 + CONTEXT : b.length - 1;
    out += `@@ -${range(first0, last0)} +${range(first1, last1)} @@\n`;
    let i = first0;
    let j = first1;
    let c = k;
    while (i <= last0 || j <= last1) {
      const next = c <= end ? (script[c] as Change) : undefined;
      if (!next || i < next.line0) {
        out += ` ${a[i++]}\n`;
        j++;
      } else {
        for (let n = next.deleted; n > 0; n--) out += `-${a[i++]}\n`;
        for (let n = next.inserted; n > 0; n--) out += `+${b[j++]}\n`;
        c++;
      }
    }
    k = end + 1;
  }
  return out;
}

/** Lines of a text that ends in a newline (kubectl's YAML always does); '' is no lines. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
