// The readline-like line being typed: text, cursor and history browsing. Pure (no xterm), so it can be
// unit-tested; the terminal panel turns its state into escape sequences.
export class LineEditor {
  line = '';
  cursor = 0;
  /** Index into history while browsing with ↑/↓; history.length = the line being typed. */
  private browse = -1;
  private draft = '';

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
