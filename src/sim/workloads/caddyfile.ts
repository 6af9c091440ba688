// The Corefile as CoreDNS's Caddyfile parser reads it (github.com/coredns/caddy, caddyfile/lexer.go,
// dispenser.go and parse.go at 8de985351a98, the version CoreDNS 1.12.0-1.12.3 pin in go.mod):
// tokens with their line numbers, grouped into server blocks by directive name, imports spliced
// in. CoreDNS's reload plugin hashes json.Marshal of these blocks, not the file's bytes
// (plugin/reload/reload.go parse + sha512.Sum512), so the hash it logs follows this exactly:
// tokens in the main file carry File "" (NewDispenser does not set it), imported ones the
// imported file's absolute path. Parse errors throw CaddyfileError (CoreDNS would then exit).

export interface CaddyToken {
  File: string;
  Line: number;
  Text: string;
}

export interface ServerBlock {
  Keys: string[];
  Tokens: Map<string, CaddyToken[]>;
}

/** What the parser may read: files by absolute path and a directory's entry names. */
export interface CaddyFs {
  readFile(path: string): string | undefined;
  readDir(dir: string): string[];
  /** The container's environment, for {$VAR} and {%VAR%} (os.Getenv; unset is ""). */
  env: Record<string, string>;
}

export class CaddyfileError extends Error {}

/** Go's unicode.IsSpace: Latin-1's \t \n \v \f \r, space, U+0085, U+00A0, and category Z. */
function isSpace(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return /\p{Z}/u.test(ch);
}

/** lexer.go next(), over the whole input (allTokens). Lone surrogates read as U+FFFD, like Go's ReadRune. */
export function lexTokens(input: string): CaddyToken[] {
  const chars = Array.from(input.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
  let i = chars[0] === '\uFEFF' ? 1 : 0; // a leading byte order mark is discarded
  let line = 1;
  const out: CaddyToken[] = [];
  for (;;) {
    let val = '';
    let has = false;
    let comment = false;
    let quoted = false;
    let escaped = false;
    let tokLine = line;
    let done = false;
    for (;;) {
      const ch = chars[i++];
      if (ch === undefined) {
        done = !has;
        break;
      }
      if (quoted) {
        if (!escaped) {
          if (ch === '\\') {
            escaped = true;
            continue;
          }
          if (ch === '"') break; // closing quote ends the token
        }
        if (ch === '\n') line++;
        if (escaped && ch !== '"') val += '\\'; // only quotes are escaped
        val += ch;
        escaped = false;
        continue;
      }
      if (isSpace(ch)) {
        if (ch === '\r') continue;
        if (ch === '\n') {
          line++;
          comment = false;
        }
        if (has) break;
        continue;
      }
      if (ch === '#') comment = true;
      if (comment) continue;
      if (!has) {
        has = true;
        tokLine = line;
        if (ch === '"') {
          quoted = true;
          continue;
        }
      }
      val += ch;
    }
    if (done) return out;
    out.push({ File: '', Line: tokLine, Text: val });
  }
}

/** replaceEnvReferences for one placeholder style. */
function replaceEnvReferences(s: string, start: string, end: string, env: Record<string, string>): string {
  let index = s.indexOf(start);
  while (index !== -1) {
    const rel = s.slice(index).indexOf(end);
    if (rel === -1) break;
    const endIndex = rel + index;
    if (endIndex <= index + start.length) return s;
    const ref = s.slice(index, endIndex + end.length);
    s = s.split(ref).join(env[ref.slice(start.length, ref.length - end.length)] ?? '');
    index = s.indexOf(start);
  }
  return s;
}

const replaceEnvVars = (s: string, env: Record<string, string>): string =>
  replaceEnvReferences(replaceEnvReferences(s, '{%', '%}', env), '{$', '}', env);

/** filepath.Match for one path element: `*` and `?` (a pattern with classes is refused before). */
function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`, 'u').test(name);
}

const dirOf = (p: string): string => p.slice(0, Math.max(1, p.lastIndexOf('/')));

/**
 * caddyfile.Parse(filename, input, nil). `warn` receives what the parser logs through Go's log
 * package (an import glob that matches nothing: `[WARNING] No files matching import glob pattern: …`).
 */
export function parseCaddyfile(
  filename: string,
  input: string,
  fs: CaddyFs,
  warn: (line: string) => void,
): ServerBlock[] {
  let tokens = lexTokens(input);
  let cursor = -1;
  let block: ServerBlock = { Keys: [], Tokens: new Map() };
  let eof = false;
  let snippets: Map<string, CaddyToken[]> | undefined;
  const env = fs.env;

  const fail = (msg: string): never => {
    const t = tokens[cursor];
    throw new CaddyfileError(`${filename}:${t?.Line ?? 0} - Error during parsing: ${msg}`);
  };
  const val = (): string =>
    cursor < 0 || cursor >= tokens.length ? '' : (tokens[cursor] as CaddyToken).Text;
  const next = (): boolean => {
    if (cursor < tokens.length - 1) {
      cursor++;
      return true;
    }
    return false;
  };
  const breaks = (i: number): number =>
    i < 0 || i >= tokens.length ? 0 : (tokens[i] as CaddyToken).Text.split('\n').length - 1;
  const nextArg = (): boolean => {
    if (cursor < 0) {
      cursor++;
      return true;
    }
    if (cursor >= tokens.length) return false;
    const a = tokens[cursor] as CaddyToken;
    const b = tokens[cursor + 1];
    if (b !== undefined && a.File === b.File && a.Line + breaks(cursor) === b.Line) {
      cursor++;
      return true;
    }
    return false;
  };
  const isNewLine = (): boolean => {
    if (cursor < 1) return true;
    if (cursor > tokens.length - 1) return false;
    const a = tokens[cursor - 1] as CaddyToken;
    const b = tokens[cursor] as CaddyToken;
    return a.File !== b.File || a.Line + breaks(cursor - 1) < b.Line;
  };

  let imports = 0;
  const doImport = (): void => {
    // A snippet that imports itself splices forever (CoreDNS would hang); stop instead.
    if (++imports > 1000) fail('too many imports (a snippet importing itself?)');
    if (!nextArg()) fail("Wrong argument count or unexpected line ending after 'import'");
    const pattern = replaceEnvVars(val(), env);
    if (pattern === '') fail('Import requires a non-empty filepath');
    if (nextArg()) fail('Import takes only one argument (glob pattern or file)');
    const before = tokens.slice(0, cursor - 1);
    const after = tokens.slice(cursor + 1);
    let imported: CaddyToken[] = [];
    const snippet = snippets?.get(pattern);
    if (snippet) {
      imported = snippet;
    } else {
      // Relative patterns are relative to the importing file; CoreDNS's is absolute (-conf).
      const cur = tokens[cursor]?.File || filename;
      const glob = pattern.startsWith('/') ? pattern : `${dirOf(cur)}/${pattern}`;
      const stars = glob.split('*').length - 1;
      const qs = glob.split('?').length - 1;
      if (stars > 1 || qs > 1 || (glob.includes('[') && glob.includes(']')))
        fail(`Glob pattern may only contain one wildcard (*), but has others: ${glob}`);
      const dir = dirOf(glob);
      const base = glob.slice(glob.lastIndexOf('/') + 1);
      const matches = fs
        .readDir(dir)
        .filter((n) => globMatch(base, n))
        .sort()
        .map((n) => `${dir === '/' ? '' : dir}/${n}`);
      if (matches.length === 0) {
        if (/[*?[\]]/.test(glob)) warn(`[WARNING] No files matching import glob pattern: ${pattern}`);
        else fail(`File to import not found: ${pattern}`);
      }
      for (const file of matches) {
        const text = fs.readFile(file);
        if (text === undefined) fail(`Could not import ${file}: is a directory`);
        for (const t of lexTokens(text as string)) imported.push({ ...t, File: file });
      }
    }
    tokens = [...before, ...imported, ...after];
    cursor--;
  };

  const directive = (): void => {
    const dir = replaceEnvVars(val(), env);
    let nesting = 0;
    const list = block.Tokens.get(dir) ?? [];
    block.Tokens.set(dir, list);
    list.push({ ...(tokens[cursor] as CaddyToken) });
    while (next()) {
      if (val() === '{') nesting++;
      else if (isNewLine() && nesting === 0) {
        cursor--; // read too far
        break;
      } else if (val() === '}' && nesting > 0) nesting--;
      else if (val() === '}' && nesting === 0) fail("Unexpected '}' because no matching opening brace");
      else if (val() === 'import' && isNewLine()) {
        doImport();
        cursor--;
        continue;
      }
      const t = tokens[cursor] as CaddyToken;
      t.Text = replaceEnvVars(t.Text, env);
      list.push({ ...t });
    }
    if (nesting > 0) fail('Unexpected EOF');
  };

  const directives = (): void => {
    while (next()) {
      if (val() === '}') break;
      if (val() === 'import') {
        doImport();
        cursor--;
        continue;
      }
      directive();
    }
  };

  const addresses = (): void => {
    let expectingAnother = false;
    for (;;) {
      let tkn = replaceEnvVars(val(), env);
      if (tkn === 'import' && isNewLine()) {
        doImport();
        continue;
      }
      if (tkn === '{') {
        if (expectingAnother) fail(`Expected another address but had '${tkn}' - check for extra comma`);
        break;
      }
      if (tkn !== '') {
        if (tkn.endsWith(',')) {
          tkn = tkn.slice(0, -1);
          expectingAnother = true;
        } else expectingAnother = false;
        block.Keys.push(tkn);
      }
      const hasNext = next();
      if (expectingAnother && !hasNext) fail('Unexpected EOF');
      if (!hasNext) {
        eof = true;
        break;
      }
      if (!expectingAnother && isNewLine()) break;
    }
  };

  const begin = (): void => {
    if (tokens.length === 0) return;
    addresses();
    if (eof) return;
    const keys = block.Keys;
    const first = keys[0];
    if (keys.length === 1 && first !== undefined && first.startsWith('(') && first.endsWith(')')) {
      const name = first.slice(1, -1);
      snippets ??= new Map();
      if (snippets.has(name)) fail(`redeclaration of previously declared snippet ${name}`);
      if (val() !== '{') fail(`Unexpected token '${val()}', expecting '{'`);
      let count = 1;
      const toks: CaddyToken[] = [];
      while (next()) {
        if (val() === '}') {
          count--;
          if (count === 0) break;
        }
        if (val() === '{') count++;
        toks.push({ ...(tokens[cursor] as CaddyToken) });
      }
      if (count !== 0) fail(`Unexpected token '${val()}', expecting '}'`);
      snippets.set(name, toks);
      block.Keys = [];
      return;
    }
    const open = val() === '{';
    if (!open) cursor--; // single-server configs need no braces
    directives();
    if (open && val() !== '}') fail(`Unexpected token '${val()}', expecting '}'`);
  };

  const blocks: ServerBlock[] = [];
  while (next()) {
    block = { Keys: [], Tokens: new Map() };
    begin();
    if (block.Keys.length > 0) blocks.push(block);
  }
  return blocks;
}

/** A string as Go's encoding/json writes it (HTML-safe: <, >, & and U+2028/9 escaped; \b \f since Go 1.22). */
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go orders map keys by their UTF-8 bytes, which is code point order. */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) as number) - (y[i]?.codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** json.Marshal([]ServerBlock): what the reload plugin hashes. */
export function serverBlocksJson(blocks: ServerBlock[]): string {
  const tok = (t: CaddyToken) =>
    `{"File":${goJsonString(t.File)},"Line":${t.Line},"Text":${goJsonString(t.Text)}}`;
  const one = (b: ServerBlock) => {
    const names = [...b.Tokens.keys()].sort(byCodePoint);
    const tokens = names.map((n) => `${goJsonString(n)}:[${(b.Tokens.get(n) ?? []).map(tok).join(',')}]`);
    return `{"Keys":[${b.Keys.map(goJsonString).join(',')}],"Tokens":{${tokens.join(',')}}}`;
  };
  return blocks.length === 0 ? 'null' : `[${blocks.map(one).join(',')}]`;
}
