// POSIX getopt as musl implements it (BusyBox getopt32 calls it): options stop at the first
// operand or `--`; `x:` takes an argument, glued (`-c2`) or separate (`-c 2`).
export type ParsedOpts =
  | { ok: true; opts: Map<string, string>; args: string[] }
  | { ok: false; error?: string };

export function parseOpts(args: string[], spec: string, longs: Record<string, string> = {}): ParsedOpts {
  const takesArg = new Set<string>();
  const flags = new Set<string>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i] ?? '';
    if (c === ':' || c === '+') continue;
    if (spec[i + 1] === ':') takesArg.add(c);
    else flags.add(c);
  }
  const opts = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const key = longs[name];
      if (key === undefined)
        return { ok: false, error: `unrecognized option: ${a.slice(2, eq < 0 ? undefined : eq)}` };
      if (key.endsWith(':')) {
        const k = key.slice(0, -1);
        if (eq >= 0) opts.set(k, a.slice(eq + 1));
        else {
          const v = args[++i];
          if (v === undefined) return { ok: false, error: `option requires an argument: ${name}` };
          opts.set(k, v);
        }
      } else opts.set(key, '');
      continue;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (takesArg.has(c)) {
        const rest = a.slice(j + 1);
        if (rest) opts.set(c, rest);
        else {
          const v = args[++i];
          if (v === undefined) return { ok: false, error: `option requires an argument: ${c}` };
          opts.set(c, v);
        }
        break;
      }
      if (!flags.has(c)) return { ok: false, error: `unrecognized option: ${c}` };
      opts.set(c, '');
    }
  }
  return { ok: true, opts, args: args.slice(i) };
}
