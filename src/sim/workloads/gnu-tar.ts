// GNU tar 1.34 (Debian bookworm's `tar` package, the Debian nginx image's tar): the texts it
// writes on stderr when `kubectl cp` runs it, as the release's sources have them
// [GNU tar release 1.34 (gnu-mirror-unofficial/tar, the commit whose configure.ac says 1.34) with
// its paxutils submodule a3b0c7b9 and gnulib]:
// - paxutils paxlib/names.c safer_name_suffix: leading `/` runs and every leading component up to
//   the last `..` leave the member name, said once per distinct prefix with the literal `%s'
//   quotes of the C locale: ``Removing leading `/' from member names`` (a WARN: no exit status).
// - paxutils paxlib/error.c call_arg_error / call_arg_fatal: `%s: Cannot %s` with
//   quotearg_colon(name), then error()'s `: strerror`. create.c dump_file0 reports a missing
//   command-line name through file_removed_diag -> stat_diag -> stat_error (`Cannot stat`);
//   misc.c chdir_do's failed openat of `-C DIR` is open_fatal (`Cannot open`), fatal.
// - src/exit.c fatal_exit: `Error is not recoverable: exiting now`, exit 2 (PAXEXIT_FAILURE);
//   src/tar.c main: `Exiting with failure status due to previous errors` when an ERROR set the
//   status to 2.
// - the quoting: tar.c sets DEFAULT_QUOTING_STYLE, escape_quoting_style (configure.ac), and
//   gnulib lib/quotearg.c quotearg_buffer_restyled escapes, in that style, `\` and the C
//   escapes (\a \b \f \n \r \t \v), every byte the C locale cannot print as three octal digits
//   (the image sets no LANG: UTF-8 bytes are unprintable there), and quotearg_colon's `:` as `\:`.
// error() prefixes `tar: ` (the program name) and ends the line. Every line here was also checked
// byte for byte against Debian bookworm's own build (tar 1.34+dfsg-1.2+deb12u1, LC_ALL=C).

/** quotearg_colon in escape_quoting_style, the C locale: the name as tar prints it. */
export function quoteColon(name: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(name)) {
    const c = String.fromCharCode(b);
    const esc = C_ESCAPES[c];
    if (esc !== undefined) out += `\\${esc}`;
    else if (c === '\\' || c === ':') out += `\\${c}`;
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return out;
}

const C_ESCAPES: Record<string, string> = {
  '\x07': 'a',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
};

/**
 * safer_name_suffix(name, false, false): the prefix tar removes (empty when none) and the member
 * name left (`.` when nothing is left, which tar also announces; not reached by kubectl cp,
 * whose path is never empty or all slashes once its trailing slash is gone).
 */
export function saferNameSuffix(name: string): { prefix: string; member: string } {
  let prefixLen = 0;
  // Each component: a `..` one moves the prefix past itself.
  let i = 0;
  while (i < name.length) {
    if (name[i] === '.' && name[i + 1] === '.' && (name[i + 2] === '/' || i + 2 === name.length))
      prefixLen = i + 2;
    while (i < name.length) if (name[i++] === '/') break;
  }
  let p = prefixLen;
  while (name[p] === '/') p++;
  const member = name.slice(p);
  return { prefix: name.slice(0, p), member: member === '' ? '.' : member };
}

/** `tar: Removing leading `PREFIX' from member names` (the prefix as it is, unquoted). */
export const removingLeading = (prefix: string) => `tar: Removing leading \`${prefix}' from member names\n`;

/** call_arg_error / call_arg_fatal: `tar: NAME: Cannot CALL: STRERROR`. */
export const cannot = (call: string, name: string, strerror: string) =>
  `tar: ${quoteColon(name)}: Cannot ${call}: ${strerror}\n`;

/** tar.c main, after an ERROR. */
export const EXITING_WITH_FAILURE = 'tar: Exiting with failure status due to previous errors\n';

/** exit.c fatal_exit, after a FATAL_ERROR. */
export const NOT_RECOVERABLE = 'tar: Error is not recoverable: exiting now\n';

/** PAXEXIT_FAILURE: the exit status of both. */
export const GNU_TAR_FAILURE = 2;
