// chmod over the container's file system (../fs.ts keeps each path's mode in the writable layer's
// history, so `ls -l` and a shell running `./x.sh` see it): BusyBox 1.34.1's applet
// (coreutils/chmod.c with libbb/recursive_action.c) in the Alpine and busybox images, GNU
// coreutils 9.1's (src/chmod.c) in Debian's nginx. Containers run as root, so no permission
// check stops a chmod; a data volume's mount (configMap, secret, projected, downwardAPI) is
// read-only (the kubelet mounts them so): EROFS.
// -R visits a directory before its entries, the entries in byte order (readdir's order on the
// real file system is not reproducible), and skips symbolic links met on the way.
import type { ProcContext } from '../../../kubectl/shell/types';
import {
  cleanPath,
  type FsNode,
  listDir,
  lstatPath,
  missingReason,
  recordMode,
  resolvePath,
  statPath,
} from '../fs';
import type { PodProc } from '../proc';
import { isDataVolume, mountAt } from '../volumes';
import { bbParseMode, gnuModeAdjust, gnuModeCompile, permString, UMASK } from './chmod-mode';
import { parseOpts } from './getopt';
import { workdir } from './info';
import { usageText } from './usage';

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const oct4 = (m: number) => (m & 0o7777).toString(8).padStart(4, '0');
const join = (dir: string, name: string) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

function readOnly(p: PodProc, path: string): boolean {
  const m = mountAt(p.pod, p.container, path);
  return m !== undefined && isDataVolume(m.vol);
}

export function chmod(argv: string[], ctx: ProcContext, p: PodProc): number {
  return p.info.tools === 'debian-curl' ? gnuChmod(argv, ctx, p) : bbChmod(argv, ctx, p);
}

/**
 * BusyBox: `chmod [-Rcvf] MODE[,MODE]... FILE...`. An option-like first word that is not one of
 * -R -c -v -f (`-x`) is the mode; fewer than two operands show the usage; an invalid mode dies
 * at the first file it is parsed for (`chmod: invalid mode 'M'`); a missing file is
 * bb_simple_perror_msg's `chmod: FILE: No such file or directory`, even with -f (recursive_action
 * reports its lstat itself). -v prints `mode of 'F' changed to 0755 (rwxr-xr-x)`, -c when the
 * st_mode differs from the new mode (always for an octal mode, which has no file type bits).
 */
function bbChmod(argv: string[], ctx: ProcContext, p: PodProc): number {
  const args = argv.slice(1);
  // chmod_main: the first word `-X` with X not an option letter is the mode (getopt stops there).
  let k = 0;
  while (k < args.length && (args[k] as string).startsWith('-')) {
    const a = args[k] as string;
    if (a.length > 1 && !'-Rvcf'.includes(a[1] as string)) break;
    k++;
  }
  const optArgs = args.slice(0, k);
  const parsed = parseOpts(optArgs, 'Rvcf');
  if (!parsed.ok) {
    if (parsed.error) ctx.err(`chmod: ${parsed.error}\n`);
    ctx.err(usageText('chmod'));
    return 1;
  }
  const operands = [...parsed.args, ...args.slice(k)];
  if (operands.length < 2) {
    ctx.err(usageText('chmod'));
    return 1;
  }
  const o = parsed.opts;
  const recurse = o.has('R');
  const verbose = o.has('v');
  const changes = o.has('c');
  const quiet = o.has('f');
  const smode = operands[0] as string;
  const cwd = workdir(p, ctx);
  let ok = true;
  let died = false;
  const perror = (name: string, why: string) => {
    ctx.err(`chmod: ${name}: ${why}\n`);
  };
  // fileAction: parse the mode against this file's st_mode, chmod, report.
  const action = (name: string, path: string, node: FsNode): boolean => {
    const st = (node.kind === 'dir' ? S_IFDIR : S_IFREG) | (node.mode & 0o7777);
    const mode = bbParseMode(smode, st);
    if (mode === -1) {
      ctx.err(`chmod: invalid mode '${smode}'\n`);
      died = true;
      return false;
    }
    if (readOnly(p, path)) {
      if (!quiet) perror(name, 'Read-only file system');
      return false;
    }
    recordMode(p, path, mode);
    if (verbose || (changes && st !== mode))
      ctx.out(`mode of '${name}' changed to ${oct4(mode)} (${permString(mode)})\n`);
    return true;
  };
  const visit = (name: string, path: string, depth: number): boolean => {
    const node = lstatPath(p, path);
    if (!node) {
      perror(name, missingReason(p, path));
      return false;
    }
    if (node.kind === 'link') {
      if (depth > 0) return true;
      // At depth 0 fileAction stats the link: its target's mode changes.
      const real = resolvePath(p, path, true);
      const target = statPath(p, real);
      if (!target) {
        if (!quiet) perror(name, missingReason(p, real));
        return false;
      }
      return action(name, real, target);
    }
    if (node.kind !== 'dir' || !recurse) return action(name, path, node);
    if (!action(name, path, node)) return false;
    let status = true;
    for (const n of listDir(p, path) ?? []) {
      if (died) break;
      if (!visit(join(name, n), join(path, n), depth + 1)) status = false;
    }
    return status;
  };
  for (const f of operands.slice(1)) {
    if (!visit(f, resolvePath(p, cleanPath(f, cwd)), 0)) ok = false;
    if (died) return 1;
  }
  return ok ? 0 : 1;
}

const TRY = "Try 'chmod --help' for more information.\n";

/** GNU's --help (coreutils 9.1, C locale), as `chmod --help` prints it on bookworm. */
const GNU_HELP =
  'Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n' +
  '  or:  chmod [OPTION]... OCTAL-MODE FILE...\n' +
  '  or:  chmod [OPTION]... --reference=RFILE FILE...\n' +
  'Change the mode of each FILE to MODE.\n' +
  'With --reference, change the mode of each FILE to that of RFILE.\n\n' +
  '  -c, --changes          like verbose but report only when a change is made\n' +
  '  -f, --silent, --quiet  suppress most error messages\n' +
  '  -v, --verbose          output a diagnostic for every file processed\n' +
  "      --no-preserve-root  do not treat '/' specially (the default)\n" +
  "      --preserve-root    fail to operate recursively on '/'\n" +
  "      --reference=RFILE  use RFILE's mode instead of MODE values\n" +
  '  -R, --recursive        change files and directories recursively\n' +
  '      --help        display this help and exit\n' +
  '      --version     output version information and exit\n\n' +
  "Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.\n\n" +
  'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
  'Report any translation bugs to <https://translationproject.org/team/>\n' +
  'Full documentation <https://www.gnu.org/software/coreutils/chmod>\n' +
  "or available locally via: info '(coreutils) chmod invocation'\n";

const GNU_VERSION =
  'chmod (GNU coreutils) 9.1\n' +
  'Copyright (C) 2022 Free Software Foundation, Inc.\n' +
  'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
  'This is free software: you are free to change and redistribute it.\n' +
  'There is NO WARRANTY, to the extent permitted by law.\n\n' +
  'Written by David MacKenzie and Jim Meyering.\n';

const LONG = [
  'changes',
  'no-preserve-root',
  'preserve-root',
  'quiet',
  'reference',
  'recursive',
  'silent',
  'verbose',
  'help',
  'version',
];

/** quoteaf: always in single quotes, a quote inside as '\'' (shell_escape_always_quoting_style). */
const quoteaf = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
/** quotef: quoted only when the shell would need it (shell_escape_quoting_style). */
const quotef = (s: string) => (/^[A-Za-z0-9%+,./:=@_^-]+$/.test(s) ? s : quoteaf(s));

/**
 * GNU: getopt_long permutes, so options may follow operands; `-w`, `-x`, `-rwx`, `-644`… (any
 * option letter of a mode) is a mode, and such a mode warns when the umask kept it from taking
 * full effect (`chmod: f: new permissions are r--rw-rw-, not r--r--r--`, status 1). Errors:
 * `missing operand` (`missing operand after 'M'` when only the mode came), `invalid mode: 'M'`,
 * `invalid option -- 'z'`, `unrecognized option '--x'` (each followed by the Try line), `cannot
 * access 'F': No such file or directory`; -c/-v print `mode of 'F' changed from 0644 (rw-r--r--)
 * to 0755 (rwxr-xr-x)` / `retained as`. Checked against bookworm's chmod 9.1.
 */
function gnuChmod(argv: string[], ctx: ProcContext, p: PodProc): number {
  let recurse = false;
  let verbosity: 'off' | 'changes' | 'high' = 'off';
  let force = false;
  let diagnose = false;
  let mode: string | undefined;
  let reference: string | undefined;
  const operands: string[] = [];
  const usage = (msg: string) => {
    ctx.err(`chmod: ${msg}\n${TRY}`);
    return 1;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const hits = LONG.filter((l) => l.startsWith(name));
      const opt = LONG.includes(name) ? name : hits.length === 1 ? hits[0] : undefined;
      if (opt === undefined) return usage(`unrecognized option '${a.slice(0, eq < 0 ? undefined : eq)}'`);
      if (opt === 'help') {
        ctx.out(GNU_HELP);
        return 0;
      }
      if (opt === 'version') {
        ctx.out(GNU_VERSION);
        return 0;
      }
      if (opt === 'reference') {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) return usage(`option '--reference' requires an argument`);
        reference = v;
      } else if (eq >= 0) return usage(`option '--${opt}' doesn't allow an argument`);
      else if (opt === 'recursive') recurse = true;
      else if (opt === 'changes') verbosity = 'changes';
      else if (opt === 'verbose') verbosity = 'high';
      else if (opt === 'silent' || opt === 'quiet') force = true;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (c === 'R') recurse = true;
        else if (c === 'c') verbosity = 'changes';
        else if (c === 'f') force = true;
        else if (c === 'v') verbosity = 'high';
        else if ('rwxXstugoa,+=01234567'.includes(c)) {
          // The whole word is (part of) the mode; several join with commas.
          mode = mode === undefined ? a : `${mode},${a}`;
          diagnose = true;
          break;
        } else return usage(`invalid option -- '${c}'`);
      }
      continue;
    }
    operands.push(a);
  }
  let modeIsOperand = false;
  if (reference !== undefined) {
    if (mode !== undefined) return usage('cannot combine mode and --reference options');
  } else if (mode === undefined) {
    mode = operands.shift();
    modeIsOperand = mode !== undefined;
  }
  if (operands.length === 0)
    return usage(modeIsOperand ? `missing operand after '${argv[argv.length - 1]}'` : 'missing operand');
  const cwd = workdir(p, ctx);
  let changes: ReturnType<typeof gnuModeCompile>;
  if (reference !== undefined) {
    const node = statPath(p, resolvePath(p, cleanPath(reference, cwd), true));
    if (!node) {
      ctx.err(
        `chmod: failed to get attributes of ${quoteaf(reference)}: ${missingReason(p, cleanPath(reference, cwd))}\n`,
      );
      return 1;
    }
    changes = gnuModeCompile((node.mode & 0o7777).toString(8).padStart(5, '0'));
  } else {
    changes = gnuModeCompile(mode as string);
    if (!changes) return usage(`invalid mode: '${mode}'`);
  }
  const ch = changes as NonNullable<typeof changes>;
  let ok = true;
  const visit = (name: string, path: string, node: FsNode, top: boolean) => {
    if (node.kind === 'link' && !top) {
      if (verbosity === 'high')
        ctx.out(`neither symbolic link ${quoteaf(name)} nor referent has been changed\n`);
      return;
    }
    const dir = node.kind === 'dir';
    const old = node.mode & 0o7777;
    const now = gnuModeAdjust(old, dir, UMASK, ch);
    let succeeded = false;
    let fileOk = true;
    if (readOnly(p, path)) {
      if (!force) ctx.err(`chmod: changing permissions of ${quoteaf(name)}: Read-only file system\n`);
      fileOk = false;
    } else {
      recordMode(p, path, now);
      succeeded = true;
    }
    if (verbosity !== 'off') {
      const changed = succeeded && now !== old;
      if (changed || verbosity === 'high') {
        const from = `${oct4(old)} (${permString(old)})`;
        const to = `${oct4(now)} (${permString(now)})`;
        ctx.out(
          !fileOk
            ? `failed to change mode of ${quoteaf(name)} from ${from} to ${to}\n`
            : !changed
              ? `mode of ${quoteaf(name)} retained as ${to}\n`
              : `mode of ${quoteaf(name)} changed from ${from} to ${to}\n`,
        );
      }
    }
    if (succeeded && diagnose) {
      const naive = gnuModeAdjust(old, dir, 0, ch);
      if (now & ~naive) {
        ctx.err(`chmod: ${quotef(name)}: new permissions are ${permString(now)}, not ${permString(naive)}\n`);
        fileOk = false;
      }
    }
    if (!fileOk) ok = false;
    if (dir && recurse)
      for (const n of listDir(p, path) ?? []) {
        const child = lstatPath(p, join(path, n));
        if (child) visit(join(name, n), join(path, n), child, false);
      }
  };
  for (const f of operands) {
    const lexical = cleanPath(f, cwd);
    const path = resolvePath(p, lexical, true);
    const node = lstatPath(p, path);
    if (!node) {
      if (!force) ctx.err(`chmod: cannot access ${quoteaf(f)}: ${missingReason(p, lexical)}\n`);
      ok = false;
      continue;
    }
    visit(f, path, node, true);
  }
  return ok ? 0 : 1;
}
