// Who edits the line typed into a terminal, and what Ctrl-R does there:
// - `readline`: the student's own bash (GNU readline's reverse-i-search, src/ui/terminal/line-editor.ts).
// - `busybox`: BusyBox ash (the sleep, busybox and Alpine images: BusyBox 1.34.1 / 1.36), whose
//   libbb/lineedit.c reverse_i_search (CONFIG_FEATURE_REVERSE_SEARCH: `default y` in libbb/Config.src,
//   `=y` in Alpine's main/busybox/busyboxconfig) draws `(reverse-i-search)'QUERY': ` with plain
//   quotes, looks for QUERY anywhere in older history lines (strstr), rejects a character that
//   matches nothing with a beep (BEL) and keeps the last match and its prompt, and has no
//   "failed" prompt, no Ctrl-G abort and no yank; any other control key leaves the search with the
//   found line and is then handled as usual (`goto again`). Identical in 1.34.1 and 1.36.1.
// - `tty`: dash in Debian's images has no line editor (Debian's dash 0.5.12-2 depends on libc6
//   only: built without libedit), so the kernel's canonical mode edits the line: Ctrl-R is VREPRINT
//   (Linux drivers/tty/n_tty.c n_tty_receive_char_special: with ECHO and IEXTEN it echoes `^R`
//   (ECHOCTL), a newline, then the pending input again); checked against bookworm's /bin/dash on a pty.
// ash's history is its own, not the host's: lineedit.c load_history reads $HISTFILE (ash.c sets it
// to $HOME/.ash_history when unset; CONFIG_FEATURE_EDITING_SAVEHISTORY, `=y` in Alpine's config) the
// first time a line is read, skipping empty lines, and remember_in_history keeps each line typed
// (not an empty one, not the previous one again) and appends it to that file at once (no
// SAVE_ON_EXIT), so the next `kubectl exec -it` into the same container finds it. The HISTFILE
// variable itself is not set here: this shell's variables are all exported. The history's size
// limit (CONFIG_FEATURE_EDITING_HISTORY) is not applied. dash keeps no history the tty could use.
// - `readline`: bash in Debian's images (./pod-bash.ts) edits with GNU readline, as the host's bash
//   does (the terminal's own reverse-i-search, over this shell's history). bash 5.2.15's history
//   (bashhist.c): an interactive shell loads $HISTFILE (variables.c: ~/.bash_history when unset)
//   as it starts (load_history, at most HISTSIZE lines, 500 by default: HISTSIZE_DEFAULT); every
//   non-empty line read is kept (pre_process_line; no HISTCONTROL in Debian's root dotfiles, so
//   repeats and lines starting with a space stay) and the list holds the last HISTSIZE; the file is
//   written only when the shell exits (shell.c exit_shell → maybe_save_shell_history): created if
//   missing, then this session's lines appended (append_history), or the whole list written when
//   the session outgrew it, then cut to its last HISTFILESIZE (= HISTSIZE) lines. A shell killed
//   with its Pod (SIGKILL) writes nothing. The file's 0600 mode is not modelled.
import type { Shell } from './exec';
import { activeBash } from './pod-bash';

/**
 * An in-Pod shell's line editing, handed to the terminal (which binds it late, through the
 * session): the history ↑/↓ and Ctrl-R go through, and what Ctrl-R does.
 */
export type PodLineEditing =
  | { kind: 'busybox'; history(): readonly string[]; search(line: string, cursor: number): BusyboxSearch }
  | { kind: 'tty'; history(): readonly string[]; reprint(line: string): string }
  | { kind: 'readline'; history(): readonly string[] };

export function podLineEditing(shell: Shell): PodLineEditing {
  // A nested bash (`bash` typed at the prompt) reads the terminal while it runs: ↑ walks its own
  // history (the history file as it was when it started, then its own lines), not its parent's.
  if (shell.opts.container) return { kind: 'readline', history: () => bashHistory(activeBash(shell)) };
  if (shell.opts.flavor === 'dash') return { kind: 'tty', history: () => [], reprint: ttyReprint };
  return {
    kind: 'busybox',
    history: () => ashHistory(shell),
    search: (line, cursor) => new BusyboxSearch(ashHistory(shell), line, cursor),
  };
}

const histories = new WeakMap<Shell, string[]>();

/** $HOME/.ash_history (concat_path_file), undefined without HOME. */
function histFile(shell: Shell): string | undefined {
  const home = shell.state.vars.HOME;
  if (home === undefined) return undefined;
  return `${home.endsWith('/') ? home : `${home}/`}.ash_history`;
}

/** The interactive ash's history, oldest first, loaded from its file on first use. */
export function ashHistory(shell: Shell): string[] {
  let h = histories.get(shell);
  if (!h) {
    const file = histFile(shell);
    const text = file === undefined ? undefined : shell.opts.files?.read(file);
    h = (text ?? '').split('\n').filter((l) => l !== '');
    histories.set(shell, h);
  }
  return h;
}

/** bash's HISTSIZE and HISTFILESIZE when neither is set (bashhist.c HISTSIZE_DEFAULT). */
export const BASH_HISTSIZE = 500;

/** bash's $HISTFILE: ~/.bash_history (a HOME-less shell: root's home from /etc/passwd). */
function bashHistFile(shell: Shell): string {
  const home = shell.state.vars.HOME ?? '/root';
  return `${home.endsWith('/') ? home : `${home}/`}.bash_history`;
}

/** Lines this bash session added (history_lines_this_session). */
const bashSession = new WeakMap<Shell, number>();
/** The number of bash's oldest kept entry (history_base: 1 plus the entries stifling dropped). */
const bashBase = new WeakMap<Shell, number>();

export function bashHistoryBase(shell: Shell): number {
  bashHistory(shell);
  return bashBase.get(shell) ?? 1;
}

/** `history -c` (clear_history, bash_clear_history): no entries, none of them this session's. */
export function clearBashHistory(shell: Shell): void {
  bashHistory(shell).length = 0;
  bashSession.delete(shell);
  bashBase.set(shell, 1);
}

/** The interactive bash's history, oldest first: its file's last HISTSIZE lines, read once. */
export function bashHistory(shell: Shell): string[] {
  let h = histories.get(shell);
  if (!h) {
    const text = shell.opts.files?.read(bashHistFile(shell));
    // read_history: each non-empty line of the file is an entry.
    const lines = (text ?? '').split('\n').filter((l) => l !== '');
    h = lines.slice(-BASH_HISTSIZE);
    histories.set(shell, h);
    if (shell.opts.container) bashBase.set(shell, 1 + lines.length - h.length);
  }
  return h;
}

/** An interactive bash exits: this session's lines go to its history file (maybe_save_shell_history). */
export function shellExited(shell: Shell): void {
  const added = bashSession.get(shell) ?? 0;
  const files = shell.opts.files;
  if (!shell.opts.container || !shell.opts.interactive || added === 0 || !files) return;
  bashSession.delete(shell);
  const file = bashHistFile(shell);
  const h = bashHistory(shell);
  const lines = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');
  const before = files.read(file);
  if (before === undefined && files.write(file, '', false) !== undefined) return;
  if (added <= h.length) files.write(file, lines(h.slice(h.length - added)), true);
  else files.write(file, lines(h), false);
  // history_truncate_file: the file's last HISTFILESIZE lines.
  const text = files.read(file) ?? '';
  const all = text.replace(/\n$/, '').split('\n');
  if (all.length > BASH_HISTSIZE) files.write(file, lines(all.slice(-BASH_HISTSIZE)), false);
}

/** A later line of a multi-line command joins the history entry of its first (bash_add_history). */
export function amendLastLine(shell: Shell, text: string): void {
  const h = bashHistory(shell);
  if (h.length > 0) h[h.length - 1] += text;
}

/** A line an interactive ash read (remember_in_history): kept, and appended to its file. */
export function rememberLine(shell: Shell, line: string): void {
  if (shell.opts.container) {
    // bash: every non-empty line, kept in memory until the shell exits.
    if (!shell.opts.interactive || line === '') return;
    const h = bashHistory(shell);
    h.push(line);
    if (h.length > BASH_HISTSIZE) {
      bashBase.set(shell, bashHistoryBase(shell) + h.length - BASH_HISTSIZE);
      h.splice(0, h.length - BASH_HISTSIZE);
    }
    bashSession.set(shell, (bashSession.get(shell) ?? 0) + 1);
    return;
  }
  if (shell.opts.flavor === 'dash' || !shell.opts.interactive || line === '') return;
  const h = ashHistory(shell);
  if (h[h.length - 1] === line) return;
  h.push(line);
  const file = histFile(shell);
  if (file !== undefined) shell.opts.files?.write(file, `${line}\n`, true);
}

/** What canonical mode echoes for Ctrl-R (VREPRINT) with `line` pending: `^R`, CR LF, the line. */
export function ttyReprint(line: string): string {
  // echo_char: a control character other than tab/newline shows as `^` and the character ^ 0100.
  let ctl = '';
  for (const ch of line) {
    const c = ch.charCodeAt(0);
    ctl += (c < 0x20 && ch !== '\t' && ch !== '\n') || c === 0x7f ? `^${String.fromCharCode(c ^ 0o100)}` : ch;
  }
  return `^R\r\n${ctl}`;
}

/**
 * BusyBox lineedit.c reverse_i_search over `history` (oldest first): the line and cursor it
 * leaves, the prompt it draws. `history.length` is the line being typed (state->cur_history
 * starts there; that slot holds no history line).
 */
export class BusyboxSearch {
  /** match_buf. */
  private query = '';
  /** The match_buf the prompt was last drawn with (only a match redraws it). */
  private shownQuery = '';
  private cur: number;
  /** The line found (loaded when the search ends), null before any match. */
  matched: string | null = null;
  line: string;
  cursor: number;

  constructor(
    private readonly history: readonly string[],
    line: string,
    cursor: number,
  ) {
    this.cur = history.length;
    this.line = line;
    this.cursor = cursor;
  }

  prompt(): string {
    return `(reverse-i-search)'${this.shownQuery}': `;
  }

  /** Ctrl-R: the next older match. False: nothing matched (the terminal beeps). */
  next(): boolean {
    return this.search(this.cur - 1, this.query);
  }

  /** A typed character appended to the search string; a character that matches nothing is dropped. */
  insert(ch: string): boolean {
    const found = this.search(this.cur, this.query + ch);
    if (found) this.query += ch;
    return found;
  }

  /** Backspace: one character off (a whole UTF-8 character), then a search from the current line. */
  backspace(): boolean {
    const chars = Array.from(this.query);
    chars.pop();
    this.query = chars.join('');
    return this.search(this.cur, this.query);
  }

  /** The search ends on a non-search key: the found line stays, the cursor where the match is. */
  finish(): { line: string; cursor: number } {
    if (this.matched !== null) this.line = this.matched;
    return { line: this.line, cursor: Math.min(this.cursor, this.line.length) };
  }

  private search(from: number, q: string): boolean {
    for (let h = from; h >= 0; h--) {
      const text = this.history[h];
      if (text === undefined) continue;
      const at = text.indexOf(q);
      if (at < 0) continue;
      this.cur = h;
      this.matched = text;
      this.line = text;
      this.cursor = at;
      this.shownQuery = q;
      return true;
    }
    return false;
  }
}
