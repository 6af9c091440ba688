// bash's printf builtin in a container bash (Debian's nginx image, where it is a builtin and the
// model has no /usr/bin/printf): the formatting is BusyBox's (busybox/printf.ts: the FORMAT reused
// until the arguments run out, \ escapes, %b, d i o u x X c s f e E g G with flags, width and
// precision), which bash 5.2.15's builtins/printf.def does alike for these; its words are bash's:
// `printf: usage: printf [-v var] format [arguments]` (status 2), `printf: X: invalid number`,
// `` printf: `C': invalid format character `` (checked against bookworm's bash). -v VAR, %q, %Q and
// %(…)T are bash's own and not modelled.
import { printf as busyboxPrintf } from '../../sim/workloads/busybox/printf';
import type { Shell } from './exec';
import type { ProcContext } from './types';

export function bashPrintf(shell: Shell, argv: string[], ctx: ProcContext): number {
  const prefix = shell.errPrefix();
  const args = argv[1] === '--' ? argv.slice(2) : argv.slice(1);
  const format = args[0];
  if (format === undefined) {
    ctx.err('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  if (argv[1] === '-v' || /%[-+ #0-9.*]*[qQ(]/.test(format)) {
    ctx.err(`${prefix}printf: ${argv[1] === '-v' ? '-v' : format}: not modelled in this playground\n`);
    return 2;
  }
  if (argv[1] !== '--' && format.startsWith('-') && format !== '-') {
    ctx.err(
      `${prefix}printf: ${format.slice(0, 2)}: invalid option\nprintf: usage: printf [-v var] format [arguments]\n`,
    );
    return 2;
  }
  const err = (text: string) => {
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const num = /^printf: invalid number '(.*)'$/.exec(line);
      const fmt = /^printf: %[-+ #0-9.*lLhz]*(.?).*: invalid format$/.exec(line);
      if (num) ctx.err(`${prefix}printf: ${num[1]}: invalid number\n`);
      else if (fmt) ctx.err(`${prefix}printf: \`${fmt[1] ?? ''}': invalid format character\n`);
      else ctx.err(`${prefix}${line}\n`);
    }
  };
  return busyboxPrintf(['printf', '--', ...args], { ...ctx, err });
}
