// grep's POSIX regular expressions (BRE by default, ERE with -E) translated to JS RegExp source.
// In a BRE `+ ? | ( ) { }` are literal and their backslashed forms are operators (GNU
// extension); `*` at the start of an expression is literal. Bracket expressions keep their
// POSIX classes ([[:digit:]] …). Enough for the book's `"^[^*]"` and ordinary student patterns.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

/** Returns JS regex source, or an error text as grep prints it. */
export function posixToJs(pattern: string, extended: boolean): { source: string } | { error: string } {
  let out = '';
  let i = 0;
  let atStart = true;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') {
        body += '^';
        j++;
      }
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      let closed = false;
      while (j < pattern.length) {
        const d = pattern[j] as string;
        if (d === ']') {
          closed = true;
          break;
        }
        if (d === '[' && pattern[j + 1] === ':') {
          const end = pattern.indexOf(':]', j + 2);
          if (end < 0) return { error: 'grep: Unmatched [, [^, [:, [., or [=' };
          const name = pattern.slice(j + 2, end);
          const cls = CLASSES[name];
          if (cls === undefined) return { error: 'grep: Invalid character class name' };
          body += cls;
          j = end + 2;
          continue;
        }
        body += d === '\\' || d === '[' ? `\\${d}` : d;
        j++;
      }
      if (!closed) return { error: 'grep: Unmatched [, [^, [:, [., or [=' };
      out += `[${body}]`;
      i = j + 1;
      atStart = false;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) return { error: 'grep: Trailing backslash' };
      if (!extended && '()|{}+?'.includes(n)) out += n;
      else if (/[A-Za-z0-9]/.test(n) && !'wWsSbB'.includes(n)) out += n;
      else out += `\\${n}`;
      i += 2;
      atStart = n === '(' || n === '|';
      continue;
    }
    if (c === '*' && atStart) {
      out += '\\*';
    } else if (!extended && '()|{}+?'.includes(c)) {
      out += `\\${c}`;
    } else if (c === '.' || c === '*' || c === '^' || c === '$') {
      out += c;
    } else if (extended && '()|{}+?'.includes(c)) {
      out += c;
    } else if ('/'.includes(c)) {
      out += `\\${c}`;
    } else {
      out += c;
    }
    atStart = c === '^' || (extended && (c === '(' || c === '|'));
    i++;
  }
  try {
    new RegExp(out);
  } catch {
    return { error: extended ? 'grep: Unmatched ( or \\(' : 'grep: Invalid regular expression' };
  }
  return { source: out };
}
