// File commands on the student's machine: ls, cat, cd, pwd, mkdir, rm, touch (GNU coreutils
// wording, bash's for the `cd` builtin).
import type { CommandTable, ProcContext } from '../shell/types';
import { basename, resolvePath, tildify } from '../vfs';
import type { HostEnv } from './env';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function lsDate(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`;
}

/** GNU `ls -C` layout for an 80-column terminal: column-major, two spaces between columns. */
export function columns(names: string[], width = 80): string {
  if (names.length === 0) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < used; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...col.map((n) => n.length)));
    }
    const total = widths.reduce((a, w) => a + w, 0) + 2 * (used - 1);
    if (total > width && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < used; c++) {
        const n = names[c * rows + r];
        if (n === undefined) continue;
        cells.push(n);
      }
      out += `${cells.map((n, c) => (c < cells.length - 1 ? n.padEnd((widths[c] ?? 0) + 2) : n)).join('')}\n`;
    }
    return out;
  }
  return '';
}

function ls(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const flags = new Set<string>();
    const paths: string[] = [];
    for (const a of argv.slice(1)) {
      if (a.startsWith('-') && a.length > 1) {
        for (const f of a.slice(1)) {
          if (!'laA1hRF'.includes(f)) {
            ctx.err(`ls: invalid option -- '${f}'\nTry 'ls --help' for more information.\n`);
            return 2;
          }
          flags.add(f);
        }
      } else paths.push(a);
    }
    if (paths.length === 0) paths.push('.');
    const long = flags.has('l');
    const oneLine = flags.has('1') || ctx.tty !== true;
    let code = 0;
    const files: string[] = [];
    const dirs: string[] = [];
    for (const p of paths) {
      const st = env.fs.stat(resolvePath(env.cwd(), p));
      if (!st) {
        ctx.err(`ls: cannot access '${p}': No such file or directory\n`);
        code = 2;
      } else if (st.type === 'dir') dirs.push(p);
      else files.push(p);
    }
    // -F (GNU --classify): a directory's name gets `/` (the playground's files are never executable
    // or links, so no `*` or `@`).
    const shown = (base: string, n: string) =>
      flags.has('F') && env.fs.isDir(resolvePath(base, n)) ? `${n}/` : n;
    const render = (base: string, names: string[], withTotal: boolean) => {
      if (long) {
        const rows = names.map((n) => {
          const abs = n === '.' || n === '..' ? resolvePath(base, n) : resolvePath(base, n);
          const st = env.fs.stat(abs);
          const isDir = st?.type === 'dir';
          const size = isDir ? 4096 : new TextEncoder().encode(st?.content ?? '').length;
          const links = isDir ? 2 + env.fs.list(abs).filter((c) => env.fs.isDir(`${abs}/${c}`)).length : 1;
          return { n, isDir, size, links, mtime: st?.mtime ?? 0 };
        });
        if (withTotal) {
          const blocks = rows.reduce((t, r) => t + (r.isDir ? 4 : Math.ceil(r.size / 4096) * 4), 0);
          ctx.out(`total ${blocks}\n`);
        }
        const sw = Math.max(...rows.map((r) => String(r.size).length), 1);
        const lw = Math.max(...rows.map((r) => String(r.links).length), 1);
        for (const r of rows) {
          const mode = r.isDir ? 'drwxr-xr-x' : '-rw-r--r--';
          ctx.out(
            `${mode} ${String(r.links).padStart(lw)} student student ${String(r.size).padStart(sw)} ${lsDate(r.mtime)} ${shown(base, r.n)}\n`,
          );
        }
      } else if (oneLine) {
        for (const n of names) ctx.out(`${shown(base, n)}\n`);
      } else ctx.out(columns(names.map((n) => shown(base, n))));
    };
    if (files.length) render(env.cwd(), files, false);
    // -R: every directory is headed by its name (GNU ls prints it for the first one too), and its
    // subdirectories follow it depth first in listing order, named `<dir>/<name>` (`./lab` under `.`).
    const recursive = flags.has('R');
    let first = files.length === 0;
    const listDir = (d: string) => {
      const abs = resolvePath(env.cwd(), d);
      let names = env.fs.list(abs);
      if (!flags.has('a') && !flags.has('A')) names = names.filter((n) => !n.startsWith('.'));
      if (flags.has('a')) names = ['.', '..', ...names];
      if (paths.length > 1 || recursive) ctx.out(`${first ? '' : '\n'}${d}:\n`);
      first = false;
      render(abs, names, true);
      if (!recursive) return;
      for (const n of names) {
        if (n === '.' || n === '..' || !env.fs.isDir(resolvePath(abs, n))) continue;
        listDir(d.endsWith('/') ? `${d}${n}` : `${d}/${n}`);
      }
    };
    for (const d of dirs) listDir(d);
    return code;
  };
}

function cat(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const args = argv.slice(1);
    if (args.length === 0) {
      ctx.out(ctx.stdin);
      return 0;
    }
    let code = 0;
    for (const p of args) {
      if (p === '-') {
        ctx.out(ctx.stdin);
        continue;
      }
      if (p.startsWith('-') && p.length > 1) {
        ctx.err(`cat: invalid option -- '${p.slice(1, 2)}'\nTry 'cat --help' for more information.\n`);
        return 1;
      }
      const st = env.fs.stat(resolvePath(env.cwd(), p));
      if (!st) {
        ctx.err(`cat: ${p}: No such file or directory\n`);
        code = 1;
      } else if (st.type === 'dir') {
        ctx.err(`cat: ${p}: Is a directory\n`);
        code = 1;
      } else ctx.out(st.content ?? '');
    }
    return code;
  };
}

function cd(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const args = argv.slice(1);
    if (args.length > 1) {
      ctx.err('bash: cd: too many arguments\n');
      return 1;
    }
    const target = args[0] ?? '~';
    const abs = resolvePath(env.cwd(), target === '-' ? (ctx.env.OLDPWD ?? env.cwd()) : target);
    const st = env.fs.stat(abs);
    if (!st) {
      ctx.err(`bash: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    if (st.type !== 'dir') {
      ctx.err(`bash: cd: ${target}: Not a directory\n`);
      return 1;
    }
    env.setCwd(abs);
    if (target === '-') ctx.out(`${abs}\n`);
    return 0;
  };
}

function mkdir(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const parents = argv.includes('-p');
    const paths = argv.slice(1).filter((a) => a !== '-p');
    if (paths.length === 0) {
      ctx.err("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    let code = 0;
    for (const p of paths) {
      const abs = resolvePath(env.cwd(), p);
      if (env.fs.stat(abs)) {
        if (!parents) {
          ctx.err(`mkdir: cannot create directory '${p}': File exists\n`);
          code = 1;
        }
        continue;
      }
      const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
      if (!parents && !env.fs.isDir(parent)) {
        ctx.err(`mkdir: cannot create directory '${p}': No such file or directory\n`);
        code = 1;
        continue;
      }
      env.fs.mkdirp(abs);
    }
    return code;
  };
}

function rm(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const flags = argv
      .slice(1)
      .filter((a) => a.startsWith('-') && a.length > 1)
      .join('');
    const recursive = /[rR]/.test(flags);
    const force = flags.includes('f');
    const paths = argv.slice(1).filter((a) => !(a.startsWith('-') && a.length > 1));
    if (paths.length === 0 && !force) {
      ctx.err("rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    let code = 0;
    for (const p of paths) {
      const abs = resolvePath(env.cwd(), p);
      const st = env.fs.stat(abs);
      if (!st) {
        if (!force) {
          ctx.err(`rm: cannot remove '${p}': No such file or directory\n`);
          code = 1;
        }
      } else if (st.type === 'dir' && !recursive) {
        ctx.err(`rm: cannot remove '${p}': Is a directory\n`);
        code = 1;
      } else env.fs.remove(abs);
    }
    return code;
  };
}

function touch(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    let code = 0;
    for (const p of argv.slice(1)) {
      const abs = resolvePath(env.cwd(), p);
      const cur = env.fs.read(abs);
      const e = env.fs.write(abs, cur ?? '');
      if (e) {
        ctx.err(`touch: cannot touch '${p}': No such file or directory\n`);
        code = 1;
      }
    }
    return code;
  };
}

export function fileCommands(env: HostEnv): CommandTable {
  return {
    ls: ls(env),
    cat: cat(env),
    cd: cd(env),
    pwd: (_argv, ctx) => {
      ctx.out(`${env.cwd()}\n`);
      return 0;
    },
    mkdir: mkdir(env),
    rm: rm(env),
    touch: touch(env),
    basename: (argv, ctx) => {
      ctx.out(`${basename(argv[1] ?? '')}\n`);
      return 0;
    },
  };
}

export { tildify };
