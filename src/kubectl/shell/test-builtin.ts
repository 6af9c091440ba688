// `test` / `[` as a shell builtin (POSIX test with 0–4 arguments, bash's messages; BusyBox ash
// shares the grammar). Enough for `if [ "$code" = 200 ]; then …` and `while [ $n -lt 5 ]`.
// Files are known only by whether they can be read: -e/-f/-r/-s ask the shell's FileAccess.
import type { Dialect } from './parse';
import type { ProcContext } from './types';

type Files = { read(path: string): string | undefined } | undefined;

const UNARY = new Set(['-n', '-z', '-e', '-f', '-r', '-s', '-d', '-w', '-x', '-L', '-h']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

class TestError {
  constructor(readonly message: string) {}
}

export function testBuiltin(argv: string[], ctx: ProcContext, dialect: Dialect, files: Files): number {
  const name = argv[0] as string;
  let args = argv.slice(1);
  const who = dialect === 'bash' ? `bash: ${name}` : `sh: ${name}`;
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.err(dialect === 'bash' ? "bash: [: missing `]'\n" : 'sh: [: missing ]\n');
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, files) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.err(`${who}: ${e.message}\n`);
    return 2;
  }
}

function int(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return Number(t);
}

function unary(op: string, v: string, files: Files): boolean {
  switch (op) {
    case '-n':
      return v !== '';
    case '-z':
      return v === '';
    case '-s':
      return (files?.read(v) ?? '') !== '';
    case '-e':
    case '-f':
    case '-r':
      return files?.read(v) !== undefined;
    default:
      // -d, -w, -x, -L: the playground's file view cannot tell; nothing qualifies.
      return false;
  }
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '-eq':
      return int(a) === int(b);
    case '-ne':
      return int(a) !== int(b);
    case '-lt':
      return int(a) < int(b);
    case '-le':
      return int(a) <= int(b);
    case '-gt':
      return int(a) > int(b);
    default:
      return int(a) >= int(b);
  }
}

function evaluate(args: string[], files: Files): boolean {
  const [a, b, c, d] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return (a as string) !== '';
    case 2:
      if (a === '!') return (b as string) === '';
      if (UNARY.has(a as string)) return unary(a as string, b as string, files);
      throw new TestError(`${a}: unary operator expected`);
    case 3:
      if (BINARY.has(b as string)) return binary(a as string, b as string, c as string);
      if (a === '!') return !evaluate([b as string, c as string], files);
      if (a === '(' && c === ')') return (b as string) !== '';
      throw new TestError(`${b}: binary operator expected`);
    case 4:
      if (a === '!') return !evaluate([b as string, c as string, d as string], files);
      throw new TestError('too many arguments');
    default:
      throw new TestError('too many arguments');
  }
}
