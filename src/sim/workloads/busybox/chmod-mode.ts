// The mode arithmetic of the two chmods: BusyBox 1.34.1's bb_parse_mode (libbb/parse_mode.c) and
// GNU coreutils 9.1's mode_compile/mode_adjust (gnulib lib/modechange.c), each a port of the C, for
// the containers' umask 022 (runc's default; root). They differ: GNU rejects an empty clause
// (`u+x,`), keeps a directory's set-id bits unless an octal mode of 5 digits or more names them,
// and can tell what the umask hid; BusyBox takes `,`-separated empty clauses and returns the
// file's type bits with a symbolic result. Checked case by case against bookworm's chmod.

export const UMASK = 0o022;
const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const S_IFDIR = 0o040000;
const ALLM = 0o7777;
const READ = 0o444;
const WRITE = 0o222;
const EXEC = 0o111;

/**
 * bb_parse_mode(s, current): the new mode, or -1 for an invalid one. `current` carries the file's
 * type bits (S_IFDIR for a directory: `X` looks at them); an octal mode returns its bits alone.
 */
export function bbParseMode(s: string, current: number, umask = UMASK): number {
  const whoMask: Record<string, number> = {
    a: S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO,
    u: S_ISUID | S_IRWXU,
    g: S_ISGID | S_IRWXG,
    o: S_IRWXO,
  };
  const permMask: Record<string, number> = {
    r: READ,
    w: WRITE,
    x: EXEC,
    X: EXEC,
    s: S_ISUID | S_ISGID,
    t: S_ISVTX,
  };
  const c0 = s.charCodeAt(0) - 48;
  if (c0 >= 0 && c0 < 8) {
    // strtoul(s, &e, 8): the octal digits, then nothing else, at most 07777.
    const m = /^[0-7]+/.exec(s)?.[0] ?? '';
    if (m.length !== s.length) return -1;
    const v = Number.parseInt(m, 8);
    return v > 0o7777 ? -1 : v;
  }
  let mode = current;
  let i = 0;
  while (i < s.length) {
    if (s[i] === ',') {
      i++;
      continue;
    }
    let who = 0;
    while (whoMask[s[i] ?? ''] !== undefined) {
      who |= whoMask[s[i] as string] as number;
      i++;
      if (i >= s.length) return -1;
    }
    do {
      const op = s[i];
      if (op !== '+' && op !== '-') {
        if (op !== '=') return -1;
        mode &= who ? ~who : ~(S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO);
      }
      i++;
      let perms = 0;
      const copy = s[i];
      if (copy === 'u' || copy === 'g' || copy === 'o') {
        // Permcopy: the other class's rwx bits as they are now, spread over all three classes.
        perms = (whoMask[copy] as number) & (S_IRWXU | S_IRWXG | S_IRWXO) & mode;
        for (const m of [READ, WRITE, EXEC]) if (perms & m) perms |= m;
        i++;
      } else {
        while (i < s.length && permMask[s[i] as string] !== undefined) {
          const c = s[i] as string;
          if (c !== 'X' || mode & (S_IFDIR | EXEC)) perms |= permMask[c] as number;
          i++;
        }
      }
      if (perms) {
        perms &= who ? who : ~umask;
        if (op === '-') mode &= ~perms;
        else mode |= perms;
      }
    } while (i < s.length && s[i] !== ',');
  }
  return mode;
}

/** One compiled change of gnulib's mode_compile. */
interface Change {
  op: string;
  flag: 'ordinary' | 'copy' | 'x-if-any-x';
  affected: number;
  value: number;
  mentioned: number;
}

/** gnulib mode_compile: the changes, or undefined for an invalid mode. */
export function gnuModeCompile(s: string): Change[] | undefined {
  const c0 = s.charCodeAt(0) - 48;
  if (c0 >= 0 && c0 < 8) {
    let octal = 0;
    let p = 0;
    while (p < s.length && /[0-7]/.test(s[p] as string)) {
      octal = 8 * octal + (s.charCodeAt(p) - 48);
      if (octal > ALLM) return undefined;
      p++;
    }
    if (p < s.length) return undefined;
    const mentioned = p < 5 ? (octal & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : ALLM;
    return [{ op: '=', flag: 'ordinary', affected: ALLM, value: octal, mentioned }];
  }
  const out: Change[] = [];
  let p = 0;
  for (;;) {
    let affected = 0;
    for (;;) {
      const c = s[p];
      if (c === 'u') affected |= S_ISUID | S_IRWXU;
      else if (c === 'g') affected |= S_ISGID | S_IRWXG;
      else if (c === 'o') affected |= S_ISVTX | S_IRWXO;
      else if (c === 'a') affected |= ALLM;
      else if (c === '=' || c === '+' || c === '-') break;
      else return undefined;
      p++;
    }
    do {
      const op = s[p] as string;
      p++;
      let value = 0;
      let mentioned = 0;
      let flag: Change['flag'] = 'copy';
      const c = s[p] ?? '';
      if (/[0-7]/.test(c)) {
        let octal = 0;
        while (p < s.length && /[0-7]/.test(s[p] as string)) {
          octal = 8 * octal + (s.charCodeAt(p) - 48);
          if (octal > ALLM) return undefined;
          p++;
        }
        if (affected || (p < s.length && s[p] !== ',')) return undefined;
        affected = ALLM;
        mentioned = ALLM;
        value = octal;
        flag = 'ordinary';
      } else if (c === 'u' || c === 'g' || c === 'o') {
        value = c === 'u' ? S_IRWXU : c === 'g' ? S_IRWXG : S_IRWXO;
        p++;
      } else {
        flag = 'ordinary';
        for (;;) {
          const v = s[p];
          if (v === 'r') value |= READ;
          else if (v === 'w') value |= WRITE;
          else if (v === 'x') value |= EXEC;
          else if (v === 'X') flag = 'x-if-any-x';
          else if (v === 's') value |= S_ISUID | S_ISGID;
          else if (v === 't') value |= S_ISVTX;
          else break;
          p++;
        }
      }
      out.push({ op, flag, affected, value, mentioned: mentioned || (affected ? affected & value : value) });
    } while (s[p] === '=' || s[p] === '+' || s[p] === '-');
    if (s[p] !== ',') break;
    p++;
  }
  return p === s.length ? out : undefined;
}

/** gnulib mode_adjust: the permission bits `changes` make of `old` (`dir`: it is a directory). */
export function gnuModeAdjust(old: number, dir: boolean, umask: number, changes: Change[]): number {
  let mode = old & ALLM;
  for (const ch of changes) {
    const omit = (dir ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= mode;
      value |= (value & READ ? READ : 0) | (value & WRITE ? WRITE : 0) | (value & EXEC ? EXEC : 0);
    } else if (ch.flag === 'x-if-any-x' && (mode & EXEC || dir)) value |= EXEC;
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') mode |= value;
    else mode &= ~value;
  }
  return mode & ALLM;
}

/** `rwxr-sr-t`: strmode / bb_mode_string's nine permission letters (s S t T for the set-id and sticky bits). */
export function permString(mode: number): string {
  const rwx = (shift: number, special: number, on: string, off: string) => {
    const b = (mode >> shift) & 7;
    const x = b & 1 ? 'x' : '-';
    return `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${mode & special ? (b & 1 ? on : off) : x}`;
  };
  return rwx(6, S_ISUID, 's', 'S') + rwx(3, S_ISGID, 's', 'S') + rwx(0, S_ISVTX, 't', 'T');
}
