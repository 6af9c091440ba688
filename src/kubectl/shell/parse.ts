// A recursive-descent parser for the subset of sh/bash the playground needs. Errors are returned
// as data (`SyntaxProblem`) and worded per dialect by ./errors, the way bash and BusyBox ash
// word them. Depth and length limits keep hostile input from recursing without bound.
import type { AndOr, ListItem, Loop, Pipeline, Redirect, Script, SimpleCommand, Word, WordPart } from './ast';

/** Deepest `$( … )` / backtick nesting accepted (bash has no fixed limit; we need one). */
export const MAX_SUBST_DEPTH = 32;
/** Longest command line the shell will parse, in characters. */
export const MAX_LINE_LENGTH = 100_000;

export type SyntaxProblem =
  | { kind: 'eof-quote'; quote: string }
  | { kind: 'eof'; expecting?: string }
  /** `bash`: the token bash names instead, when it differs (a `(` after a lone first word). */
  | { kind: 'token'; token: string; bash?: string }
  | { kind: 'depth' }
  | { kind: 'too-long'; length: number };

export type Parsed =
  | {
      ok: true;
      script: Script;
      /** The input ended inside a here-document: the delimiter still awaited (bash reads more lines). */
      heredocEof?: string;
    }
  | { ok: false; problem: SyntaxProblem };

class Fail {
  constructor(readonly problem: SyntaxProblem) {}
}

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);
const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

class Parser {
  i = 0;
  /** Here-documents whose bodies start after the next newline. */
  pending: { r: Redirect; delim: string; stripTabs: boolean; expand: boolean; depth: number }[] = [];
  heredocEof: string | undefined;
  constructor(readonly s: string) {}

  /** Read the bodies of pending here-documents, one line at a time, up to each delimiter. */
  readHeredocs(): void {
    for (const h of this.pending) {
      let body = '';
      for (;;) {
        if (this.i >= this.s.length) {
          this.heredocEof ??= h.delim;
          break;
        }
        const nl = this.s.indexOf('\n', this.i);
        const end = nl < 0 ? this.s.length : nl;
        let line = this.s.slice(this.i, end);
        this.i = nl < 0 ? this.s.length : nl + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delim) break;
        body += `${line}\n`;
      }
      h.r.body = body;
      if (h.expand) h.r.bodyWord = new Parser(body).parseHeredocBody(h.depth);
    }
    this.pending = [];
  }

  private lineFrom = 0;
  private lineNo = 1;
  /** The 1-based line of offset `at` (counted on from the last asked-for offset). */
  lineAt(at: number): number {
    if (at < this.lineFrom) {
      this.lineFrom = 0;
      this.lineNo = 1;
    }
    for (let k = this.lineFrom; k < at; k++) if (this.s[k] === '\n') this.lineNo++;
    this.lineFrom = at;
    return this.lineNo;
  }

  peek(o = 0): string | undefined {
    return this.s[this.i + o];
  }

  skipBlanksAndComments(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (isBlank(c) || (newlines && c === '\n')) this.i++;
      else if (c === '\\' && this.peek(1) === '\n') this.i += 2;
      else if (c === '#') {
        while (this.i < this.s.length && this.peek() !== '\n') this.i++;
      } else return;
    }
  }

  /** The operator at the cursor, for error messages (`&&`, `;;`, `|`, `newline`). */
  operatorHere(): string {
    const c = this.peek();
    if (c === undefined) return 'newline';
    if (c === '\n') return 'newline';
    const two = this.s.slice(this.i, this.i + 2);
    if (['&&', '||', ';;', '>>', '<<', '>&', '<&', '&>'].includes(two)) return two;
    return c;
  }

  /** The reserved-word candidate at the cursor: the plain characters up to a blank or operator. */
  wordAhead(): string {
    let j = this.i;
    while (j < this.s.length && !isBlank(this.s[j]) && !OPERATOR_CHARS.has(this.s[j] as string)) j++;
    return this.s.slice(this.i, j);
  }

  parseList(depth: number, closer: ')' | '`' | undefined, stopWords?: ReadonlySet<string>): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.skipBlanksAndComments(true);
      const c = this.peek();
      if (c === undefined) {
        if (closer) throw new Fail({ kind: 'eof-quote', quote: closer });
        if (stopWords) throw new Fail({ kind: 'eof', expecting: [...stopWords].at(-1) as string });
        return items;
      }
      if (closer && c === closer) {
        if (stopWords) throw new Fail({ kind: 'token', token: c });
        return items;
      }
      // Inside a loop: `do` / `done` at a command position ends this list.
      if (stopWords?.has(this.wordAhead())) return items;
      const start = this.i;
      const andOr = this.parseAndOr(depth, closer);
      const end = this.i;
      this.skipBlanksAndComments(false);
      const sep = this.peek();
      let background = false;
      if (sep === ';') {
        if (this.peek(1) === ';') throw new Fail({ kind: 'token', token: ';;' });
        this.i++;
      } else if (sep === '&') {
        background = true;
        this.i++;
      } else if (sep === '\n') {
        this.i++;
        if (this.pending.length) this.readHeredocs();
      } else if (sep === undefined || (closer && sep === closer)) {
        // end of list
      } else {
        throw new Fail({ kind: 'token', token: this.operatorHere() });
      }
      items.push({ andOr, background, text: this.s.slice(start, end).trim() });
    }
  }

  parseAndOr(depth: number, closer: string | undefined): AndOr {
    const first = this.parsePipeline(depth, closer);
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanksAndComments(false);
      const two = this.s.slice(this.i, this.i + 2);
      if (two !== '&&' && two !== '||') return { first, rest };
      this.i += 2;
      this.skipBlanksAndComments(true);
      rest.push({ op: two, p: this.parsePipeline(depth, closer) });
    }
  }

  parsePipeline(depth: number, closer: string | undefined): Pipeline {
    this.skipBlanksAndComments(false);
    let bang = false;
    if (this.peek() === '!' && (isBlank(this.peek(1)) || this.peek(1) === undefined)) {
      bang = true;
      this.i++;
    }
    const cmds = [this.parseCommand(depth, closer)];
    for (;;) {
      this.skipBlanksAndComments(false);
      if (this.peek() !== '|' || this.peek(1) === '|') return { cmds, bang };
      this.i++;
      this.skipBlanksAndComments(true);
      cmds.push(this.parseCommand(depth, closer));
    }
  }

  /** Consume the reserved word `w` (already checked with wordAhead) and the blanks after it. */
  keyword(w: string): void {
    if (this.wordAhead() !== w) {
      const got = this.wordAhead();
      throw new Fail(
        got === ''
          ? this.peek() === undefined
            ? { kind: 'eof', expecting: w }
            : { kind: 'token', token: this.operatorHere() }
          : { kind: 'token', token: got },
      );
    }
    this.i += w.length;
    this.skipBlanksAndComments(false);
  }

  /** `for` / `while` / `until` … `do` … `done` (bash grammar, without `select` or `((…))`). */
  parseLoop(depth: number, closer: string | undefined, kind: 'for' | 'while' | 'until' | 'if'): Loop {
    if (depth + 1 > MAX_SUBST_DEPTH) throw new Fail({ kind: 'depth' });
    const close = closer === ')' || closer === '`' ? closer : undefined;
    this.keyword(kind);
    let loop: Loop;
    const list = (stop: string[]): Script => {
      const l = this.parseList(depth + 1, close, new Set(stop));
      if (l.length === 0) throw new Fail({ kind: 'token', token: this.wordAhead() || this.operatorHere() });
      return l;
    };
    if (kind === 'if') {
      const branches: { cond: Script; body: Script }[] = [];
      let otherwise: Script | undefined;
      for (;;) {
        const cond = list(['then']);
        this.keyword('then');
        branches.push({ cond, body: list(['elif', 'else', 'fi']) });
        if (this.wordAhead() === 'elif') {
          this.keyword('elif');
          continue;
        }
        if (this.wordAhead() === 'else') {
          this.keyword('else');
          otherwise = list(['fi']);
        }
        this.keyword('fi');
        break;
      }
      return { kind, branches, otherwise };
    }
    if (kind === 'for') {
      const name = this.wordAhead();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new Fail(
          name === '' ? { kind: 'token', token: this.operatorHere() } : { kind: 'token', token: name },
        );
      this.i += name.length;
      this.skipBlanksAndComments(false);
      let items: Word[] | undefined;
      if (this.wordAhead() === 'in') {
        this.keyword('in');
        items = [];
        for (;;) {
          this.skipBlanksAndComments(false);
          const c = this.peek();
          if (c === undefined || c === ';' || c === '\n') break;
          if (OPERATOR_CHARS.has(c)) throw new Fail({ kind: 'token', token: this.operatorHere() });
          items.push(this.parseWord(depth, closer));
        }
      }
      if (this.peek() === ';') this.i++;
      this.skipBlanksAndComments(true);
      if (this.pending.length) this.readHeredocs();
      this.keyword('do');
      const body = this.parseList(depth + 1, close, new Set(['done']));
      if (body.length === 0) throw new Fail({ kind: 'token', token: 'done' });
      this.keyword('done');
      loop = { kind, name, items, body };
    } else {
      const cond = this.parseList(depth + 1, close, new Set(['do']));
      if (cond.length === 0) throw new Fail({ kind: 'token', token: 'do' });
      this.keyword('do');
      const body = this.parseList(depth + 1, close, new Set(['done']));
      if (body.length === 0) throw new Fail({ kind: 'token', token: 'done' });
      this.keyword('done');
      loop = { kind, cond, body };
    }
    return loop;
  }

  parseCommand(depth: number, closer: string | undefined): SimpleCommand {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    const ahead = this.wordAhead();
    cmd.line = this.lineAt(this.i);
    if (ahead === 'for' || ahead === 'while' || ahead === 'until' || ahead === 'if') {
      cmd.loop = this.parseLoop(depth, closer, ahead);
    } else if (['do', 'done', 'then', 'elif', 'else', 'fi'].includes(ahead)) {
      throw new Fail({ kind: 'token', token: ahead });
    }
    for (;;) {
      this.skipBlanksAndComments(false);
      const c = this.peek();
      if (c === undefined || c === '\n' || c === ';' || c === '&' || c === '|') break;
      if (closer && c === closer) break;
      if (c === '(' && cmd.words.length === 1 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
        // bash reads `NAME (` as the start of a function definition `NAME ()` and names the
        // token after the `(` (parse.y: the function_def rule wants `)` there).
        this.i++;
        this.skipBlanksAndComments(false);
        const next = this.peek() === ')' ? '(' : this.wordAhead() || this.operatorHere();
        throw new Fail({ kind: 'token', token: c, bash: next });
      }
      if (c === '(' || c === ')') throw new Fail({ kind: 'token', token: c });
      const redirect = this.tryRedirect(depth);
      if (redirect) {
        cmd.redirects.push(redirect);
        continue;
      }
      const wordStart = this.i;
      const word = this.parseWord(depth, closer);
      if (cmd.loop) throw new Fail({ kind: 'token', token: this.s.slice(wordStart, this.i) });
      // NAME=value before the command name is an assignment.
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(this.s.slice(wordStart, this.i));
      const head = word[0];
      if (cmd.words.length === 0 && m && head?.t === 'lit' && !head.q && head.v.startsWith(`${m[1]}=`)) {
        const name = m[1] as string;
        const value: Word = [{ ...head, v: head.v.slice(name.length + 1) }, ...word.slice(1)];
        cmd.assigns.push({ name, value });
      } else {
        cmd.words.push(word);
      }
    }
    if (!cmd.loop && cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      if (this.peek() === undefined) throw new Fail({ kind: 'eof' });
      throw new Fail({ kind: 'token', token: this.operatorHere() });
    }
    return cmd;
  }

  tryRedirect(depth: number): Redirect | undefined {
    const here = /^<<(-?)[ \t]*/.exec(this.s.slice(this.i, this.i + 40));
    if (here) {
      this.i += here[0].length;
      const c = this.peek();
      if (c === undefined || OPERATOR_CHARS.has(c))
        throw new Fail({
          kind: 'token',
          token: c === undefined || c === '\n' ? 'newline' : this.operatorHere(),
        });
      const word = this.parseWord(depth, undefined);
      const delim = word.map((p) => (p.t === 'lit' ? p.v : '')).join('');
      const r: Redirect = { fd: 0, op: '<<', target: word };
      // Any quoting in the delimiter word (`'EOF'`, `"EOF"`, `\EOF`) turns expansion off.
      const expand = !word.some((p) => p.q);
      this.pending.push({ r, delim, stripTabs: here[1] === '-', expand, depth });
      return r;
    }
    const m = /^(\d?)(>>|>&|>|<)/.exec(this.s.slice(this.i, this.i + 3));
    if (!m) return undefined;
    const fd = m[1] ? Number(m[1]) : m[2] === '<' ? 0 : 1;
    this.i += m[0].length;
    this.skipBlanksAndComments(false);
    const c = this.peek();
    if (c === undefined || OPERATOR_CHARS.has(c)) {
      if (c === undefined || c === '\n') throw new Fail({ kind: 'token', token: 'newline' });
      throw new Fail({ kind: 'token', token: this.operatorHere() });
    }
    const target = this.parseWord(depth, undefined);
    return { fd, op: m[2] as Redirect['op'], target };
  }

  parseWord(depth: number, closer: string | undefined): Word {
    const parts: WordPart[] = [];
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && last.q === q) last.v += v;
      else parts.push({ t: 'lit', v, q });
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined || isBlank(c) || OPERATOR_CHARS.has(c)) break;
      if (closer && c === closer) break;
      if (c === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) throw new Fail({ kind: 'eof-quote', quote: "'" });
        lit(this.s.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.parseDoubleQuoted(depth, parts, lit);
      } else if (c === '\\') {
        const n = this.peek(1);
        if (n === '\n') this.i += 2;
        else if (n === undefined) this.i++;
        else {
          lit(n, true);
          this.i += 2;
        }
      } else if (c === '$') {
        this.parseDollar(depth, false, parts, lit);
      } else if (c === '`') {
        parts.push({ t: 'sub', body: this.parseBackticks(depth), q: false });
      } else {
        lit(c, false);
        this.i++;
      }
    }
    return parts;
  }

  /**
   * A here-document body with an unquoted delimiter: like the inside of double quotes, except
   * that `"` is an ordinary character (bash: parameter, command and arithmetic expansion only).
   */
  parseHeredocBody(depth: number): Word {
    const parts: WordPart[] = [];
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && last.q === q) last.v += v;
      else parts.push({ t: 'lit', v, q });
    };
    lit('', true);
    for (;;) {
      const c = this.peek();
      if (c === undefined) return parts;
      this.parseQuotedChar(c, '$`\\', depth, parts, lit);
    }
  }

  parseDoubleQuoted(depth: number, parts: WordPart[], lit: (v: string, q: boolean) => void): void {
    lit('', true); // "" is an (empty) word of its own
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Fail({ kind: 'eof-quote', quote: '"' });
      if (c === '"') {
        this.i++;
        return;
      }
      this.parseQuotedChar(c, '$`"\\', depth, parts, lit);
    }
  }

  /**
   * One character inside double quotes or an unquoted-delimiter here-document (POSIX 2.2.3,
   * 2.7.4): a backslash keeps its literal meaning unless followed by one of `escapable` (taken
   * literally) or a newline (a line continuation, removed); `$` and backquotes still expand.
   */
  parseQuotedChar(
    c: string,
    escapable: string,
    depth: number,
    parts: WordPart[],
    lit: (v: string, q: boolean) => void,
  ): void {
    if (c === '\\') {
      const n = this.peek(1);
      if (n !== undefined && escapable.includes(n)) {
        lit(n, true);
        this.i += 2;
      } else if (n === '\n') this.i += 2;
      else {
        lit('\\', true);
        this.i++;
      }
    } else if (c === '$') {
      this.parseDollar(depth, true, parts, lit);
    } else if (c === '`') {
      parts.push({ t: 'sub', body: this.parseBackticks(depth), q: true });
    } else {
      lit(c, true);
      this.i++;
    }
  }

  parseDollar(depth: number, q: boolean, parts: WordPart[], lit: (v: string, q: boolean) => void): void {
    const n = this.peek(1);
    if (n === '(') {
      if (depth + 1 > MAX_SUBST_DEPTH) throw new Fail({ kind: 'depth' });
      this.i += 2;
      const body = this.parseList(depth + 1, ')');
      if (this.peek() !== ')') throw new Fail({ kind: 'eof-quote', quote: ')' });
      this.i++;
      parts.push({ t: 'sub', body, q });
      return;
    }
    if (n === '{') {
      const end = this.s.indexOf('}', this.i + 2);
      if (end < 0) throw new Fail({ kind: 'eof-quote', quote: '}' });
      const name = this.s.slice(this.i + 2, end);
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*])$/.test(name))
        throw new Fail({ kind: 'token', token: `\${${name}}` });
      this.i = end + 1;
      parts.push({ t: 'var', name, q });
      return;
    }
    if (n !== undefined && /[?#$@*0-9]/.test(n)) {
      this.i += 2;
      parts.push({ t: 'var', name: n, q });
      return;
    }
    if (isNameStart(n)) {
      let j = this.i + 1;
      while (isNameChar(this.s[j])) j++;
      parts.push({ t: 'var', name: this.s.slice(this.i + 1, j), q });
      this.i = j;
      return;
    }
    lit('$', q);
    this.i++;
  }

  parseBackticks(depth: number): Script {
    if (depth + 1 > MAX_SUBST_DEPTH) throw new Fail({ kind: 'depth' });
    let j = this.i + 1;
    let inner = '';
    for (;;) {
      const c = this.s[j];
      if (c === undefined) throw new Fail({ kind: 'eof-quote', quote: '`' });
      if (c === '`') break;
      if (c === '\\' && (this.s[j + 1] === '`' || this.s[j + 1] === '\\' || this.s[j + 1] === '$')) {
        inner += this.s[j + 1];
        j += 2;
        continue;
      }
      inner += c;
      j++;
    }
    this.i = j + 1;
    const sub = new Parser(inner);
    const body = sub.parseList(depth + 1, undefined);
    return body;
  }
}

export function parse(line: string): Parsed {
  if (line.length > MAX_LINE_LENGTH) return { ok: false, problem: { kind: 'too-long', length: line.length } };
  const p = new Parser(line);
  try {
    const script = p.parseList(0, undefined);
    if (p.pending.length) p.readHeredocs();
    return p.heredocEof !== undefined ? { ok: true, script, heredocEof: p.heredocEof } : { ok: true, script };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, problem: e.problem };
    if (e instanceof RangeError) return { ok: false, problem: { kind: 'depth' } };
    throw e;
  }
}

export type Dialect = 'bash' | 'sh';

/** The message bash (interactive) or BusyBox ash prints for a syntax problem. */
export function syntaxMessage(p: SyntaxProblem, dialect: Dialect): string {
  const sh = dialect;
  switch (p.kind) {
    case 'eof-quote':
      if (dialect === 'bash') {
        return `bash: unexpected EOF while looking for matching \`${p.quote}'\nbash: syntax error: unexpected end of file\n`;
      }
      return p.quote === ')' || p.quote === '}'
        ? `sh: syntax error: unexpected end of file (expecting "${p.quote}")\n`
        : 'sh: syntax error: unterminated quoted string\n';
    case 'eof':
      // ash names the reserved word it still wanted (`(expecting "done")`); bash does not.
      return dialect === 'bash' || p.expecting === undefined
        ? `${sh}: syntax error: unexpected end of file\n`
        : `sh: syntax error: unexpected end of file (expecting "${p.expecting}")\n`;
    case 'token':
      return dialect === 'bash'
        ? `bash: syntax error near unexpected token \`${p.bash ?? p.token}'\n`
        : `sh: syntax error: unexpected "${p.token === 'newline' ? 'newline' : p.token}"\n`;
    case 'depth':
      return `${sh}: command substitution nested too deeply (limit ${MAX_SUBST_DEPTH})\n`;
    case 'too-long':
      return `${sh}: command line too long (${p.length} characters; limit ${MAX_LINE_LENGTH})\n`;
  }
}
