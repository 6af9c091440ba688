// The shell's syntax tree: just enough of POSIX sh / bash for a student's terminal and for
// BusyBox `sh -c '…'` inside a Pod (quotes, $VAR, $( … ), pipes, ;, &&, ||, &, redirections).

export type WordPart =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean }
  | { t: 'sub'; body: Script; q: boolean };

/** One shell word before expansion; `q` marks parts that came from quotes (no field splitting). */
export type Word = WordPart[];

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<<';
  target: Word;
  /** Here-document text (`<<EOF` … `EOF`), filled in when the lines after the command are read. */
  body?: string;
  /**
   * The body as a word to expand ($VAR, ${VAR}, $( … ), backticks; `\$ \` \\` escapes), set
   * when the delimiter was not quoted. bash expands such bodies; `<<'EOF'` keeps them literal.
   */
  bodyWord?: Word;
}

/**
 * Compound commands: `for NAME [in WORDS]; do …; done`, `while …; do …; done`,
 * `until …; do …; done`, `if …; then …; [elif …; then …;] [else …;] fi`.
 */
export type Loop =
  | { kind: 'for'; name: string; items: Word[] | undefined; body: Script }
  | { kind: 'while' | 'until'; cond: Script; body: Script }
  | { kind: 'if'; branches: { cond: Script; body: Script }[]; otherwise: Script | undefined };

export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  /** Set for a loop: the command is the loop (words stay empty), redirections apply to it. */
  loop?: Loop;
  /** 1-based line of the script the command starts on (ash's and dash's `line N:` in errors). */
  line?: number;
}

export interface Pipeline {
  cmds: SimpleCommand[];
  /** Leading `!` inverts the exit status. */
  bang: boolean;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}

export interface ListItem {
  andOr: AndOr;
  background: boolean;
  /** Source text of the item (what `jobs` shows), trimmed. */
  text: string;
}

export type Script = ListItem[];

export type ParseResult = { ok: true; script: Script } | { ok: false; error: string };
