// The readline-like line being typed: text, cursor, history browsing and Ctrl-R's reverse incremental
// search. Pure (no xterm), so it can be unit-tested; the terminal panel turns its state into escape
// sequences.

/**
 * A reverse-i-search in progress: GNU readline's isearch context (lib/readline/isearch.c,
 * _rl_search_cxt): the lines searched (history, then the line being typed), where the search is in
 * them, and the line and point to restore on Ctrl-G.
 */
interface ISearch {
  readonly lines: readonly string[];
  /** Index of the line being typed in `lines` (readline's save_line). */
  readonly saveLine: number;
  readonly savePoint: number;
  historyPos: number;
  sline: string;
  slineIndex: number;
  query: string;
  failed: boolean;
  lastFound: number;
  prevFound: string | null;
}

export class LineEditor {
  line = '';
  cursor = 0;
  /** Index into history while browsing with ↑/↓; history.length = the line being typed. */
  private browse = -1;
  private draft = '';
  private isearch: ISearch | null = null;
  /** The last accepted search's string: Ctrl-R on an empty search string searches for it again. */
  private lastSearch = '';

  constructor(private history: () => readonly string[]) {}

  insert(text: string) {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
  }

  backspace() {
    if (this.cursor === 0) return;
    this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
    this.cursor -= 1;
  }

  deleteForward() {
    if (this.cursor >= this.line.length) return;
    this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
  }

  left() {
    if (this.cursor > 0) this.cursor -= 1;
  }

  right() {
    if (this.cursor < this.line.length) this.cursor += 1;
  }

  home() {
    this.cursor = 0;
  }

  end() {
    this.cursor = this.line.length;
  }

  /** Ctrl-U: delete from the start of the line to the cursor (bash). */
  killToStart() {
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
  }

  /** Ctrl-K: delete from the cursor to the end. */
  killToEnd() {
    this.line = this.line.slice(0, this.cursor);
  }

  /** Ctrl-W: delete the word before the cursor (whitespace-delimited, like bash's unix-word-rubout). */
  killWord() {
    const before = this.line.slice(0, this.cursor);
    const kept = before.replace(/\S+\s*$/, '');
    this.line = kept + this.line.slice(this.cursor);
    this.cursor = kept.length;
  }

  up() {
    const h = this.history();
    if (h.length === 0) return;
    if (this.browse === -1) {
      this.draft = this.line;
      this.browse = h.length;
    }
    if (this.browse === 0) return;
    this.browse -= 1;
    this.set(h[this.browse] ?? '');
  }

  down() {
    const h = this.history();
    if (this.browse === -1) return;
    this.browse += 1;
    if (this.browse >= h.length) {
      this.browse = -1;
      this.set(this.draft);
    } else this.set(h[this.browse] ?? '');
  }

  set(line: string, cursor = line.length) {
    this.line = line;
    this.cursor = cursor;
  }

  /** Whether Ctrl-R's search owns the keys. */
  get searching(): boolean {
    return this.isearch !== null;
  }

  /**
   * What readline draws instead of the prompt while searching (isearch.c rl_display_search):
   * "(reverse-i-search)`QUERY': ", with "failed " after the parenthesis when nothing matches.
   */
  searchPrompt(): string | null {
    const x = this.isearch;
    if (!x) return null;
    return `(${x.failed ? 'failed ' : ''}reverse-i-search)\`${x.query}': `;
  }

  /**
   * Ctrl-R: start a search from the cursor of the line being typed, or (searching already) look for
   * the next older match: one position further back in the current line, then older lines.
   * With an empty search string it takes the last accepted one (readline's last_isearch_string).
   */
  reverseSearch() {
    const x = this.isearch;
    if (!x) {
      const lines = [...this.history(), this.line];
      const saveLine = lines.length - 1;
      this.browse = -1;
      this.isearch = {
        lines,
        saveLine,
        savePoint: this.cursor,
        historyPos: saveLine,
        sline: this.line,
        slineIndex: this.cursor,
        query: '',
        failed: false,
        lastFound: saveLine,
        prevFound: null,
      };
      return;
    }
    if (x.query === '') {
      if (this.lastSearch === '') return;
      x.query = this.lastSearch;
    } else if (x.slineIndex >= 0) x.slineIndex -= 1;
    this.searchStep(x);
  }

  /** Typed characters extend the search string; each one searches on from the current match. */
  searchInsert(text: string) {
    const x = this.isearch;
    if (!x) return;
    for (const ch of text) {
      x.query += ch;
      this.searchStep(x);
    }
  }

  /** Backspace: one character off the search string, searching again from where the search is. */
  searchBackspace() {
    const x = this.isearch;
    if (!x || x.query === '') return;
    x.query = x.query.slice(0, -1);
    this.searchStep(x);
  }

  /**
   * Ctrl-W / Ctrl-Y while searching: the word (letters and digits) or the rest of the matched line
   * after the matched text is added to the search string (isearch.c opcodes -5 and -6).
   */
  searchYank(rest: boolean) {
    const x = this.isearch;
    if (!x) return;
    const start = this.cursor + x.query.length;
    if (start >= this.line.length) return;
    let end = this.line.length;
    if (!rest) {
      const word = /^[\p{L}\p{N}]+/u.exec(this.line.slice(start));
      if (!word) return;
      end = start + word[0].length;
    }
    x.query += this.line.slice(start, end);
    this.searchStep(x);
  }

  /**
   * Esc, Ctrl-J, or a key that is not a search key (an arrow, Enter, Ctrl-A…; the caller then runs
   * it): the found line stays, to edit, with the cursor at the match (isearch.c _rl_isearch_fini).
   * History browsing continues from the found line.
   */
  searchAccept() {
    const x = this.isearch;
    if (!x) return;
    this.isearch = null;
    this.lastSearch = x.query;
    const found = x.lines[x.lastFound] ?? '';
    this.line = found;
    if (x.lastFound < x.saveLine) {
      this.browse = x.lastFound;
      this.draft = x.lines[x.saveLine] ?? '';
    }
    // rl_point = sline_index (the match, or where a failed search stopped), kept inside the line.
    this.cursor = Math.min(Math.max(x.slineIndex, 0), found.length);
  }

  /** Ctrl-G: end the search and put back the line and cursor it started from (isearch.c abort). */
  searchCancel() {
    const x = this.isearch;
    if (!x) return;
    this.isearch = null;
    this.line = x.lines[x.saveLine] ?? '';
    this.cursor = x.savePoint;
  }

  /** The search loop of isearch.c's _rl_isearch_dispatch, backwards only. */
  private searchStep(x: ISearch) {
    let found = false;
    x.failed = false;
    for (;;) {
      if (x.query === '') {
        x.failed = true;
        break;
      }
      // The current line, from the search position back to its start.
      while (x.slineIndex >= 0) {
        if (x.sline.startsWith(x.query, x.slineIndex)) {
          found = true;
          break;
        }
        x.slineIndex -= 1;
        if (x.slineIndex < 0) {
          x.slineIndex = 0;
          break;
        }
      }
      if (found) break;
      // Older lines, skipping copies of the line just found and lines shorter than the string.
      do {
        x.historyPos -= 1;
        if (x.historyPos < 0) {
          x.failed = true;
          break;
        }
        x.sline = x.lines[x.historyPos] ?? '';
      } while ((x.prevFound !== null && x.prevFound === x.sline) || x.query.length > x.sline.length);
      if (x.failed) {
        if (x.slineIndex < 0 || x.slineIndex > x.sline.length) x.slineIndex = 0;
        break;
      }
      x.slineIndex = x.sline.length - x.query.length;
    }
    if (x.failed) {
      // The line shown stays the last one found.
      x.historyPos = x.lastFound;
      return;
    }
    x.prevFound = x.lines[x.historyPos] ?? '';
    this.line = x.prevFound;
    this.cursor = x.slineIndex;
    x.lastFound = x.historyPos;
  }

  /** Enter: returns the line and starts a new one. */
  take(): string {
    const l = this.line;
    this.line = '';
    this.cursor = 0;
    this.browse = -1;
    this.draft = '';
    return l;
  }
}
