// The student's file system: an in-memory tree of directories and text files. It starts with the
// chapter folder (`/home/student/ch03`), holds whatever the student edits or creates, serialises
// to JSON for persistence and share links, and notifies the editor of changes.

export interface VfsEntry {
  type: 'file' | 'dir';
  /** Simulated epoch ms of the last write (for `ls -l`). */
  mtime: number;
  content?: string;
}

export interface VfsJSON {
  version: 1;
  dirs: string[];
  files: Record<string, string>;
}

export type VfsListener = (path: string, change: 'write' | 'remove' | 'mkdir') => void;

export const HOME = '/home/student';

/** Normalise an absolute path: collapse `//`, `.` and `..` (never above `/`). */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Resolve a path as the shell would, from `cwd`, with `~` meaning the student's home. */
export function resolvePath(cwd: string, path: string): string {
  if (path === '~' || path.startsWith('~/')) return normalize(HOME + path.slice(1));
  return normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** `/home/student/ch03` → `~/ch03` (as bash's prompt shows it). */
export function tildify(path: string): string {
  if (path === HOME) return '~';
  return path.startsWith(`${HOME}/`) ? `~${path.slice(HOME.length)}` : path;
}

export class Vfs {
  private entries = new Map<string, VfsEntry>([['/', { type: 'dir', mtime: 0 }]]);
  private listeners = new Set<VfsListener>();

  constructor(private readonly clock: () => number = () => 0) {}

  stat(path: string): VfsEntry | undefined {
    return this.entries.get(normalize(path));
  }

  isDir(path: string): boolean {
    return this.stat(path)?.type === 'dir';
  }

  isFile(path: string): boolean {
    return this.stat(path)?.type === 'file';
  }

  read(path: string): string | undefined {
    const e = this.stat(path);
    return e?.type === 'file' ? (e.content ?? '') : undefined;
  }

  /** Names in a directory, sorted by code point (kubectl's directory walk order). */
  list(path: string): string[] {
    const dir = normalize(path);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names: string[] = [];
    for (const p of this.entries.keys()) {
      if (p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        names.push(p.slice(prefix.length));
    }
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Create directories (like `mkdir -p`). Returns an error text if a file is in the way. */
  mkdirp(path: string): string | undefined {
    const abs = normalize(path);
    const segs = abs.split('/').filter(Boolean);
    let cur = '';
    for (const s of segs) {
      cur += `/${s}`;
      const e = this.entries.get(cur);
      if (e?.type === 'file') return `${cur}: Not a directory`;
      if (!e) {
        this.entries.set(cur, { type: 'dir', mtime: this.clock() });
        this.emit(cur, 'mkdir');
      }
    }
    return undefined;
  }

  /** Write a file; the parent directory must exist. Returns an error text on failure. */
  write(
    path: string,
    content: string,
    opts: { append?: boolean; createParents?: boolean } = {},
  ): string | undefined {
    const abs = normalize(path);
    const parent = dirname(abs);
    if (opts.createParents) {
      const e = this.mkdirp(parent);
      if (e) return e;
    }
    if (!this.isDir(parent)) return `${path}: No such file or directory`;
    const cur = this.entries.get(abs);
    if (cur?.type === 'dir') return `${path}: Is a directory`;
    const text = opts.append && cur ? (cur.content ?? '') + content : content;
    this.entries.set(abs, { type: 'file', mtime: this.clock(), content: text });
    this.emit(abs, 'write');
    return undefined;
  }

  /** Remove a file, or a directory with everything under it. */
  remove(path: string): boolean {
    const abs = normalize(path);
    if (abs === '/' || !this.entries.has(abs)) return false;
    for (const p of [...this.entries.keys()]) {
      if (p === abs || p.startsWith(`${abs}/`)) this.entries.delete(p);
    }
    this.emit(abs, 'remove');
    return true;
  }

  /** Every file path, sorted. */
  files(): string[] {
    return [...this.entries]
      .filter(([, e]) => e.type === 'file')
      .map(([p]) => p)
      .sort();
  }

  subscribe(l: VfsListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  toJSON(): VfsJSON {
    const dirs: string[] = [];
    const files: Record<string, string> = {};
    for (const [p, e] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (e.type === 'dir') {
        if (p !== '/') dirs.push(p);
      } else files[p] = e.content ?? '';
    }
    return { version: 1, dirs, files };
  }

  static fromJSON(json: VfsJSON, clock?: () => number): Vfs {
    const fs = new Vfs(clock);
    for (const d of json.dirs) fs.mkdirp(d);
    for (const [p, c] of Object.entries(json.files)) fs.write(p, c, { createParents: true });
    return fs;
  }

  private emit(path: string, change: 'write' | 'remove' | 'mkdir'): void {
    for (const l of this.listeners) l(path, change);
  }
}

/** One path segment of a glob pattern as a RegExp; undefined when it has no unquoted wildcard. */
function segmentRegex(seg: string): RegExp | undefined {
  let re = '';
  let wild = false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '\\' && i + 1 < seg.length) {
      re += (seg[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '*') {
      re += '[^/]*';
      wild = true;
    } else if (c === '?') {
      re += '[^/]';
      wild = true;
    } else if (c === '[' && seg.indexOf(']', i + 2) > 0) {
      const end = seg.indexOf(']', i + 2);
      let body = seg.slice(i + 1, end);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
      wild = true;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return wild ? new RegExp(`^${re}$`) : undefined;
}

const unquoteGlob = (s: string) => s.replace(/\\(.)/g, '$1');

/** bash pathname expansion against the VFS, from `cwd`; results keep the typed form, sorted. */
export function glob(fs: Vfs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let found: { shown: string; abs: string }[] = [{ shown: absolute ? '' : '', abs: absolute ? '/' : cwd }];
  segs.forEach((seg, idx) => {
    if (seg === '' && idx === 0) return;
    const re = segmentRegex(seg);
    const next: { shown: string; abs: string }[] = [];
    for (const f of found) {
      const join = (name: string) => ({
        shown: f.shown === '' && !absolute ? name : `${f.shown}/${name}`,
        abs: f.abs === '/' ? `/${name}` : `${f.abs}/${name}`,
      });
      if (!re) {
        const name = unquoteGlob(seg);
        const j = join(name);
        if (name === '.' || name === '..' || fs.stat(normalize(j.abs)))
          next.push({ ...j, abs: normalize(j.abs) });
        continue;
      }
      if (!fs.isDir(f.abs)) continue;
      for (const name of fs.list(f.abs)) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    found = next;
  });
  found.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  if (pattern.endsWith('/'))
    found = found.filter((f) => fs.isDir(f.abs)).map((f) => ({ ...f, shown: `${f.shown}/` }));
  return found.map((f) => f.shown);
}
