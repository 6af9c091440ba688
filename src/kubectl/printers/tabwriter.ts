// Go's text/tabwriter, as kubectl configures it. Tables (`kubectl get`) use
// NewWriter(out, 6, 4, 3, ' ', 0) [cli-runtime printers/tabwriter.go]; `kubectl describe` uses
// NewWriter(out, 0, 8, 2, ' ', 0) [kubectl describe.go]. With a space pad character the tab width
// plays no part. Go's algorithm works on *column blocks*: consecutive lines that have a
// tab-terminated cell in column k share one width for k; a line with fewer cells ends the block.
// That is why each indented section of `kubectl describe` gets its own alignment.

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const TABLE_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Display width of a cell: Go counts runes (utf8.RuneCount). */
export function cellWidth(s: string): number {
  // Fast path: pure ASCII/BMP strings without surrogates have length === rune count.
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

const SPACES = ' '.repeat(256);
function pad(n: number): string {
  if (n <= 0) return '';
  if (n <= 256) return SPACES.slice(0, n);
  return ' '.repeat(n);
}

/**
 * Format text containing `\t` cell separators and `\n` line ends exactly like Go's tabwriter
 * followed by Flush. A final line without `\n` is written without one.
 */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const rawLines = text.split('\n');
  const endsWithNewline = rawLines[rawLines.length - 1] === '';
  if (endsWithNewline) rawLines.pop();
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] as string[];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j] as string;
        s += c;
        if (j < widths.length) s += pad((widths[j] as number) - cellWidth(c));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i] as string[]).length - 1) continue;
      // A block for this column starts at line i.
      writeLines(start, i);
      start = i;
      let width = opts.minwidth;
      for (; i < line1; i++) {
        const line = lines[i] as string[];
        if (column >= line.length - 1) break;
        const w = cellWidth(line[column] as string) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--; // the for-loop increment re-examines line i (the one that ended the block)
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/**
 * Fast path for tables where every row has the same number of cells (kubectl get): identical to
 * `tabwrite` on such input, linear, and without building an intermediate string.
 * `remembered` (kubectl's watch printer) keeps widths from earlier flushes so columns never shrink.
 */
export function renderRows(rows: readonly (readonly string[])[], remembered?: number[]): string {
  if (rows.length === 0) return '';
  const ncol = (rows[0] as readonly string[]).length;
  const widths = new Array<number>(Math.max(0, ncol - 1)).fill(TABLE_TABWRITER.minwidth);
  for (let j = 0; j < ncol - 1; j++) {
    const r = remembered?.[j];
    if (r !== undefined && r > (widths[j] as number)) widths[j] = r;
  }
  for (const row of rows) {
    for (let j = 0; j < ncol - 1; j++) {
      const w = cellWidth(row[j] as string) + TABLE_TABWRITER.padding;
      if (w > (widths[j] as number)) widths[j] = w;
    }
  }
  if (remembered) for (let j = 0; j < widths.length; j++) remembered[j] = widths[j] as number;
  const parts: string[] = [];
  for (const row of rows) {
    let s = '';
    for (let j = 0; j < ncol - 1; j++) {
      const c = row[j] as string;
      s += c + pad((widths[j] as number) - cellWidth(c));
    }
    s += row[ncol - 1] as string;
    parts.push(s);
  }
  return `${parts.join('\n')}\n`;
}
